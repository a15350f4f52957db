/** « Une commune »'s failures in words: one message per cause, never the browser's or the service's own. */
import { describe, expect, it } from 'vitest';
import { CommuneNotFoundError } from '../../../../src/communes/types.js';
import { InvalidResponseError } from '../../../../src/layers/ogc/problem.js';
import { RequestError, type RequestFailureKind } from '../../../../src/net/requester.js';
import { communeFailureText } from '../../../../src/ui/report/commune-texts.js';

const failed = (kind: RequestFailureKind, status?: number) => new RequestError({ kind, status, url: 'https://data.geopf.fr/wfs/ows', message: `raw ${kind}` });

describe('communeFailureText', () => {
  it('names the commune whose outline is missing', () => {
    expect(communeFailureText(new CommuneNotFoundError('38052'), { name: "Bourg-d'Oisans", code: '38052' })).toBe(
      "Le contour de Bourg-d'Oisans (38052) est introuvable dans le service des communes.",
    );
    expect(communeFailureText(new CommuneNotFoundError('38052'))).toBe('Le contour de 38052 est introuvable dans le service des communes.');
  });

  it('tells no answer from an error answer, and offline from both', () => {
    for (const kind of ['network', 'timeout', 'stalled', 'interrupted', 'cors'] as const) {
      expect(communeFailureText(failed(kind)), kind).toBe('Le service des communes ne répond pas. Réessayez dans un moment.');
    }
    expect(communeFailureText(failed('http', 503))).toBe('Le service des communes a répondu par une erreur. Réessayez dans un moment.');
    expect(communeFailureText(new InvalidResponseError('JSON'))).toBe('Le service des communes a répondu par une erreur. Réessayez dans un moment.');
    expect(communeFailureText(failed('offline'))).toBe('Hors ligne : le service des communes est injoignable.');
  });
});
