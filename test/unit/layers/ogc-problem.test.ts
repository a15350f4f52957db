import { describe, expect, it } from 'vitest';
import { ServiceExceptionError } from '../../../src/ogc/exception.js';
import { InvalidResponseError, explainRequestError, problemOf } from '../../../src/layers/ogc/problem.js';
import { RequestError } from '../../../src/net/requester.js';
import { reduce, type MapState } from '../../../src/state/store.js';

describe('OGC layer problems', () => {
  it('puts each failure in a code and a short detail', () => {
    expect(problemOf(new ServiceExceptionError('Layer X is not defined', 'LayerNotDefined'))).toEqual({ code: 'service', detail: 'Layer X is not defined' });
    expect(problemOf(new RequestError({ kind: 'http', url: 'u', status: 503, message: 'HTTP 503' }))).toEqual({ code: 'http', detail: '503' });
    expect(problemOf(new RequestError({ kind: 'timeout', url: 'u', message: 'late' }))).toEqual({ code: 'timeout' });
    expect(problemOf(new RequestError({ kind: 'network', url: 'u', message: 'refused' }))).toEqual({ code: 'network' });
    expect(problemOf(new InvalidResponseError('GML'))).toEqual({ code: 'invalid-data', detail: 'GML' });
    expect(problemOf(new SyntaxError('Unexpected token'))).toEqual({ code: 'invalid-json' });
  });

  it('keeps an HTTP error whose body is not XML as it is', async () => {
    const response = new Response('boom', { status: 400, headers: { 'content-type': 'text/plain' } });
    const error = new RequestError({ kind: 'http', url: 'u', status: 400, message: 'HTTP 400', response });
    expect(await explainRequestError(error)).toBe(error);
    const other = new Error('x');
    expect(await explainRequestError(other), 'an error that is no HTTP error comes back as it is').toBe(other);
  });
});

describe('store: WFS counts', () => {
  it('keeps the total and the cap of a layer status', () => {
    const state: MapState = { layers: { rnn: { visible: true, opacity: 1, status: 'loading' } }, groupsExpanded: {} };
    const next = reduce(state, { type: 'set-layer-status', id: 'rnn', status: 'ready', featureCount: 500, total: 1234, capped: true });
    expect(next.layers.rnn).toEqual({ visible: true, opacity: 1, status: 'ready', featureCount: 500, total: 1234, capped: true, problem: undefined, skipped: undefined });
    const again = reduce(next, { type: 'set-layer-status', id: 'rnn', status: 'ready', featureCount: 3, total: 3, capped: false });
    expect(again.layers.rnn!.capped).toBe(false);
  });
});
