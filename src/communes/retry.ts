/**
 * A commune request tried under the layers' load policy (src/layers/load-policy.ts): a failure that
 * may pass (no answer, timeout, 5xx, 429) is tried again at most twice, after about ½ s then 1 s;
 * any other failure, and a cancellation, ends it at once.
 */
import { DEFAULT_LOAD_POLICY, backoffDelay, isTransient } from '../layers/load-policy.js';
import { RequestError, type Requester } from '../net/requester.js';

/** Resolves after `ms`, or rejects as cancelled when `signal` aborts first. */
function pause(ms: number, url: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = (): void => {
      clearTimeout(timer);
      reject(new RequestError({ kind: 'aborted', url, message: 'cancelled' }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', cancelled);
      resolve();
    }, ms);
    if (signal?.aborted) cancelled();
    else signal?.addEventListener('abort', cancelled, { once: true });
  });
}

export async function fetchBounded(requester: Requester, url: string, signal?: AbortSignal, retries: number = DEFAULT_LOAD_POLICY.retries): Promise<Response> {
  for (let retry = 0; ; retry++) {
    try {
      return await requester.fetch(url, signal ? { signal } : {});
    } catch (error) {
      if (retry >= retries || !isTransient(error) || signal?.aborted) throw error;
    }
    await pause(backoffDelay(retry + 1, DEFAULT_LOAD_POLICY), url, signal);
  }
}
