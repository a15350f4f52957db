import { describe, expect, it } from 'vitest';
import { ALL_CONTROLS, DEFAULT_EMBED_CONTROLS, readEmbed, writeEmbed } from '../../../src/embed/params.js';

const BASE = 'https://cartes.example/maps/geosites.html?c=6,45&z=9';

describe('embed switches of the tools (report, tools, print)', () => {
  it('hides the three in an embed unless its link asks for them', () => {
    const { controls } = readEmbed(new URL(`${BASE}&embed=1`));
    expect([controls.report, controls.tools, controls.print]).toEqual([false, false, false]);
    expect(DEFAULT_EMBED_CONTROLS).toMatchObject({ report: false, tools: false, print: false });
  });

  it('shows them all outside an embed, whatever the switches say', () => {
    expect(readEmbed(new URL(`${BASE}&ctl.tools=0&ctl.print=0&ctl.report=0`)).controls).toBe(ALL_CONTROLS);
    expect(ALL_CONTROLS).toMatchObject({ report: true, tools: true, print: true });
  });

  it('turns each one on alone, and writes only the switches that differ', () => {
    const url = writeEmbed(new URL(BASE), { tools: true, print: true });
    expect(url.searchParams.get('ctl.tools')).toBe('1');
    expect(url.searchParams.get('ctl.print')).toBe('1');
    expect(url.searchParams.has('ctl.report')).toBe(false);
    expect(readEmbed(url).controls).toMatchObject({ report: false, tools: true, print: true });
    expect(readEmbed(new URL(`${BASE}&embed=1&ctl.report=1`)).controls).toMatchObject({ report: true, tools: false, print: false });
  });

  it('ignores a value other than 1 or 0', () => {
    const read = readEmbed(new URL(`${BASE}&embed=1&ctl.print=yes`));
    expect(read.ignored).toEqual(['ctl.print']);
    expect(read.controls.print).toBe(false);
  });
});
