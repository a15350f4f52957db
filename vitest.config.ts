import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // A bound on a hang, not a speed check: on a busy 2-core machine a test reading real data can take
    // many times its quiet time (vitest's default 5 s failed one there; four command-line imports
    // took 76 s under load). One bound for every test, the browser tests' too. Speed is measured in bench/.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
