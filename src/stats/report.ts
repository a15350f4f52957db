/** Writes the report folder: index.html (French), en/index.html (English), the CSV files and figures.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../cli/files.js';
import { csvFiles } from './csv.js';
import type { Figures } from './figures.js';
import { reportPage } from './html.js';

export function writeReport(folder: string, figures: Figures): string[] {
  const files: Record<string, string> = {
    'index.html': reportPage(figures, 'fr'),
    'en/index.html': reportPage(figures, 'en'),
    ...csvFiles(figures),
    'figures.json': `${JSON.stringify(figures, null, 2)}\n`,
  };
  try {
    mkdirSync(join(folder, 'en'), { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  } catch (error) {
    throw new CliError(`stats: ${folder}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return Object.keys(files);
}
