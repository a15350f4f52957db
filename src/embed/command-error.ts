/** A command that could not be carried out, with a code the host can test. */
export class CommandError extends Error {
  constructor(
    readonly code: 'not-ready' | 'unknown-layer' | 'feature-not-found' | 'no-table' | 'bad-view',
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}
