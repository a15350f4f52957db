/** Mocha's this.skip() takes no reason: this one prints it (web-test-runner shows the browser's console). */
export function skipBecause(context: Mocha.Context, reason: string): never {
  console.warn(`skipped "${context.test?.title ?? context.currentTest?.title ?? ''}": ${reason}`);
  context.skip();
}
