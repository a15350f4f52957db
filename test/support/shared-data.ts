/**
 * Where the shared real data lives (never copied into the repo): beside the clone, or where
 * CARTABLE_SHARED_DATA says. Tests that need it skip, saying so, when it is absent.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_DATA = resolve(process.env.CARTABLE_SHARED_DATA ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data'));

export const sharedFile = (relative: string): string => resolve(SHARED_DATA, relative);

export const hasSharedData = (relative = ''): boolean => existsSync(sharedFile(relative));

export const SKIP_NO_SHARED_DATA = `../shared/data is absent (a stranger's clone): tests on real shared data are skipped`;
