// @web/test-runner: element and map tests in Debian's Chromium (no browser download).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fileURLToPath } from 'node:url';
import { dataMiddleware } from './test/support/wtr-data.mjs';

/**
 * Every test page loads test/browser/support/reportable-failures.ts first: a failure whose values
 * are DOM nodes is reported as a failure (the runner could not send it and waited out testsFinishTimeout);
 * then page-tokens.ts: the design tokens on :root, as the site's page has them.
 */
const testRunnerHtml = (testFramework) =>
  `<!DOCTYPE html><html><head></head><body><script type="module" src="/test/browser/support/reportable-failures.ts"></script><script type="module" src="/test/browser/support/page-tokens.ts"></script><script type="module" src="${testFramework}"></script></body></html>`;

export default {
  // *.webgl.test.ts run in their own group, in a Chromium with software WebGL (see groups below).
  files: ['test/browser/**/*.test.ts', '!test/browser/**/*.webgl.test.ts'],
  // Shared data with byte ranges, generated vector tiles and PMTiles (test/support/wtr-data.mjs).
  middleware: [dataMiddleware],
  // flatgeobuf logs every range it reads with console.debug: keep the output readable.
  filterBrowserLogs: ({ type }) => type !== 'debug',
  nodeResolve: true,
  testRunnerHtml,
  concurrency: 1,
  // Per test file: a whole file of map tests can take minutes on a busy 2-core machine (a bound, not a wait).
  testsFinishTimeout: 600000,
  // Per test and hook, the one bound (no file sets its own): a bound on a hang, above the helpers' own
  // waits (a map render may take a minute under load), never a speed check.
  testFramework: { config: { timeout: 120000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  groups: [
    {
      // WebGL layers (heat map): SwiftShader asked for explicitly, only here (it slows 2D canvas down).
      name: 'webgl',
      files: 'test/browser/**/*.webgl.test.ts',
      testRunnerHtml,
      browsers: [
        playwrightLauncher({
          product: 'chromium',
          launchOptions: {
            executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
          },
        }),
      ],
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      },
    }),
  ],
};
