import { describe, expect, it } from 'vitest';
import { TemplateError, parseTemplate, renderTemplate, templateFields } from '../../../src/context/template.js';

const plain = (_field: string, value: unknown): string => String(value);

describe('renderTemplate', () => {
  it('inserts values and drops empty ones', () => {
    expect(renderTemplate('{{nom}} ({{code}})', { nom: 'Meije', code: 'PAC0058' }, plain)).toBe('Meije (PAC0058)');
    expect(renderTemplate('{{nom}} {{absent}}!', { nom: 'Meije' }, plain)).toBe('Meije !');
  });

  it('keeps sections only when their field has a value, inverted ones only when not', () => {
    const t = '{{#surface}}Surface : {{surface}} km²{{/surface}}{{^surface}}Surface inconnue{{/surface}}';
    expect(renderTemplate(t, { surface: 10 }, plain)).toBe('Surface : 10 km²');
    expect(renderTemplate(t, { surface: '' }, plain)).toBe('Surface inconnue');
    expect(renderTemplate(t, { surface: null }, plain)).toBe('Surface inconnue');
    expect(renderTemplate(t, { surface: [] }, plain)).toBe('Surface inconnue');
    // As in Mustache, false hides a section (its value still shows where inserted).
    expect(renderTemplate('{{#ouvert}}Ouvert{{/ouvert}}{{^ouvert}}Fermé{{/ouvert}} ({{ouvert}})', { ouvert: false }, plain)).toBe('Fermé (false)');
    expect(renderTemplate('{{#ouvert}}Ouvert{{/ouvert}}', { ouvert: true }, plain)).toBe('Ouvert');
  });

  it('never evaluates what a value holds', () => {
    const values = { nom: '{{secret}}', secret: 'leaked', html: '<b>x</b>' };
    expect(renderTemplate('{{nom}} {{html}}', values, plain)).toBe('{{secret}} <b>x</b>');
  });

  it('reports unclosed and mismatched sections', () => {
    expect(() => parseTemplate('{{#a}}x')).toThrow(TemplateError);
    expect(() => parseTemplate('{{#a}}x{{/b}}')).toThrow('"{{/b}}" closes no open "{{#b}}"');
    expect(() => parseTemplate('x{{/a}}')).toThrow(TemplateError);
  });

  it('lists the fields a template reads', () => {
    expect(templateFields('{{#a}}{{b}} {{ c }}{{/a}}{{b}}')).toEqual(['a', 'b', 'c']);
  });
});
