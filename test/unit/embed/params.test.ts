import { describe, expect, it } from 'vitest';
import { ALL_CONTROLS, DEFAULT_EMBED_CONTROLS, EMBED_CONTROLS, readEmbed, writeEmbed } from '../../../src/embed/params.js';
import { iframeCode } from '../../../src/embed/code.js';
import { qrPath } from '../../../src/embed/qr.js';

const BASE = 'https://cartes.example/maps/geosites.html?c=6,45&z=9';

describe('embed parameters', () => {
  it('is off without embed=1, and every control shows', () => {
    expect(readEmbed(new URL(`${BASE}&ctl.zoom=0`))).toEqual({ embed: false, controls: ALL_CONTROLS, ignored: [] });
  });

  it('round-trips every control switch, writing only what differs from the defaults', () => {
    for (const name of EMBED_CONTROLS) {
      const controls = { ...DEFAULT_EMBED_CONTROLS, [name]: !DEFAULT_EMBED_CONTROLS[name] };
      const url = writeEmbed(new URL(BASE), controls);
      expect(url.searchParams.get('embed')).toBe('1');
      expect([...url.searchParams.keys()].filter((k) => k.startsWith('ctl.'))).toEqual([`ctl.${name}`]);
      expect(readEmbed(url)).toEqual({ embed: true, controls, ignored: [] });
    }
    expect(writeEmbed(new URL(BASE), {}).search).toBe('?c=6%2C45&z=9&embed=1');
  });

  it('leaves embed mode, keeping the state, and tolerates a foreign fragment', () => {
    const embedded = new URL(`${writeEmbed(new URL(BASE), { zoom: false }).href}#?secret=Xy12`);
    expect(readEmbed(embedded).controls.zoom).toBe(false);
    const full = writeEmbed(embedded, undefined);
    expect(full.searchParams.has('embed')).toBe(false);
    expect(full.searchParams.has('ctl.zoom')).toBe(false);
    expect(full.searchParams.get('c')).toBe('6,45');
  });

  it('ignores unknown switches and values other than 1 and 0', () => {
    const read = readEmbed(new URL(`${BASE}&embed=1&ctl.zoom=off&ctl.teleport=1&ctl.scale=0`));
    expect(read.ignored).toEqual(['ctl.zoom', 'ctl.teleport']);
    expect(read.controls).toEqual({ ...DEFAULT_EMBED_CONTROLS, scale: false });
  });

  it('writes iframe code with a title, lazy loading and the allowed features, escaping what it quotes', () => {
    const responsive = iframeCode({ src: 'https://c.example/m.html?embed=1&a="b"', title: 'Géosites <Écrins> & "co"' });
    expect(responsive).toBe(
      '<iframe src="https://c.example/m.html?embed=1&amp;a=&quot;b&quot;" title="Géosites &lt;Écrins> &amp; &quot;co&quot;" width="100%" height="450" style="border:0;width:100%" loading="lazy" allow="fullscreen; geolocation" allowfullscreen></iframe>',
    );
    expect(iframeCode({ src: 'https://c.example/', title: 'T', width: 640.4, height: 480 })).toContain('width="640" height="480" style="border:0"');
  });
});

describe('QR codes', () => {
  it('encodes a link as a square of modules with the three finder patterns', () => {
    const { size, d } = qrPath('https://cartes.example/maps/geosites.html?c=6.12345,44.98765&z=12&l=geosites:0.5&feature=geosites~PAC0058');
    const border = 2;
    const version = (size - 2 * border - 17) / 4;
    expect(Number.isInteger(version) && version >= 1 && version <= 40).toBe(true);
    // Each finder's top edge is a run of 7 dark modules: top-left, top-right, bottom-left.
    expect(d).toContain(`M${border} ${border}h7v1h-7z`);
    expect(d).toContain(`M${size - border - 7} ${border}h7v1h-7z`);
    expect(d).toContain(`M${border} ${size - border - 7}h7v1h-7z`);
  });

  it('grows with the text', () => {
    expect(qrPath('x'.repeat(400)).size).toBeGreaterThan(qrPath('x').size);
  });
});
