/**
 * The Géoplateforme's commune WFS (LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune) for end-to-end
 * tests: answered from the shared communes of Isère and Puy-de-Dôme by the hand-made stand-in
 * (test/support/commune-wfs.ts), which refuses, as GeoServer would, a request it does not understand.
 * In defaultFixtures before the generic WFS fixture.
 */
import type { Fixture } from './harness.js';
import { answerCommuneWfs, isCommuneWfsRequest } from '../../support/commune-wfs.js';

export const communeWfsFixture: Fixture = {
  name: 'Géoplateforme WFS communes',
  match: (url) => url.protocol === 'https:' && isCommuneWfsRequest(url),
  respond: (route, request) => {
    const answer = answerCommuneWfs(request.url());
    return route.fulfill({ status: answer.status, headers: { 'access-control-allow-origin': '*', 'content-type': answer.contentType }, body: answer.body });
  },
};
