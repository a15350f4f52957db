import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapContextSchema } from '../../../src/context/schema/map-context.js';
import { siteConfigSchema } from '../../../src/context/schema/site-config.js';

const read = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/schema', name), 'utf8'));

describe('published schemas', () => {
  it('public/schema holds the schemas the code assembles (run `npm run generate` after a change)', () => {
    expect(read('map-context.v1.json')).toEqual(JSON.parse(JSON.stringify(mapContextSchema)));
    expect(read('site-config.v1.json')).toEqual(JSON.parse(JSON.stringify(siteConfigSchema)));
  });

  it('is JSON Schema 2020-12 with a version constant', () => {
    expect(mapContextSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect((mapContextSchema.properties as Record<string, unknown>).version).toMatchObject({ const: 1 });
  });
});
