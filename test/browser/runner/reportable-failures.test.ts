/** The test pages' guard (support/reportable-failures.ts): a failure holding a DOM node reaches the runner. */
import { expect } from 'chai';
import { cloneableCopy } from '../support/reportable-failures.js';

describe('failures that hold DOM nodes', () => {
  it('are sent to the runner with each node described (the page loads the guard before the framework)', () => {
    const heading = document.createElement('h2');
    heading.className = 'title';
    const message = { type: 'wtr-session-finished', result: { passed: false, errors: [{ message: 'expected null to equal <h2>', expected: heading, actual: null }] } };
    const sent = structuredClone(message);
    expect(sent.result.errors[0]!.expected).to.equal('<h2.title>');
    expect(sent.result.errors[0]!.message).to.equal('expected null to equal <h2>');
  });

  it('leave every other structuredClone as the browser’s: a node still throws DataCloneError', () => {
    expect(() => structuredClone({ type: 'not-the-runner', node: document.body })).to.throw(DOMException, /could not be cloned/);
  });

  it('keep what can be cloned, and describe functions and cycles without looping', () => {
    const looped: Record<string, unknown> = { when: new Date(0), list: [1, 'a'], run: function run() {} };
    looped.self = looped;
    const copy = cloneableCopy(looped) as Record<string, unknown>;
    expect(copy.when).to.deep.equal(new Date(0));
    expect(copy.list).to.deep.equal([1, 'a']);
    expect(copy.run).to.equal('[function run]');
    expect(copy.self).to.equal(copy);
  });
});
