/**
 * XML and HTML answers parsed under the site's style policy (style-src 'self', as plugin/deploy.ts
 * writes it): no Content-Security-Policy violation, whatever the answer holds. The page takes the
 * policy from a <meta> element. Each check ends with a sentinel that breaks another directive (a
 * data: image under img-src 'self'): reports come in order, so when the sentinel's arrives, every
 * style violation the check caused has been reported.
 */
import { expect } from 'chai';
import { textOfHtml } from '../../../src/markup/parse.js';
import { parseXml } from '../../../src/ogc/xml.js';

const violations: SecurityPolicyViolationEvent[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(event));

let sentinels = 0;

/** The style violations `run` causes. */
async function violationsOf(run: () => void): Promise<number> {
  violations.length = 0;
  run();
  const sentinel = new Promise<void>((resolve) =>
    document.addEventListener('securitypolicyviolation', function seen(event) {
      if (event.effectiveDirective !== 'img-src') return;
      document.removeEventListener('securitypolicyviolation', seen);
      resolve();
    }),
  );
  // A new URL each time: an image already loaded is taken from the document's list, unchecked.
  new Image().src = `data:image/gif;n=${(sentinels += 1)};base64,R0lGODlhAQABAAAAACw=`;
  await sentinel;
  return violations.filter((v) => v.effectiveDirective.startsWith('style-src')).length;
}

const MALFORMED = {
  truncatedGml: '<?xml version="1.0"?><wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0"><wfs:member><a>1</a>',
  htmlPortal: '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Wi-Fi</title></head><body><p style="color:red">Bienvenue&nbsp;!<br></body></html>',
  json: '{"type":"FeatureCollection","features":[]}',
  twoRoots: '<a/><b/>',
  undeclaredPrefix: '<inspire:Capabilities/>',
};

describe('markup parsed under the site’s CSP', () => {
  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src 'self'; img-src 'self'";
    document.head.append(meta);
  });

  it('sees a violation for DOMParser on malformed XML (the check can fail)', async () => {
    const count = await violationsOf(() => new DOMParser().parseFromString(MALFORMED.truncatedGml, 'application/xml'));
    expect(count).to.be.greaterThan(0);
  });

  for (const [name, text] of Object.entries(MALFORMED)) {
    it(`refuses malformed XML (${name}) without a violation`, async () => {
      let refused = false;
      const count = await violationsOf(() => (refused = parseXml(text) === undefined));
      expect(refused, 'refused').to.equal(true);
      expect(count).to.equal(0);
    });
  }

  it('reads well-formed XML with its declaration, document type, namespaces and comments', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE WMT_MS_Capabilities SYSTEM "http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd" [ <!ELEMENT VendorSpecificCapabilities EMPTY> ]>
<!-- a comment -->
<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" numberReturned="2"><wfs:member>a &amp; b</wfs:member><wfs:member/></wfs:FeatureCollection>`;
    let doc: Document | undefined;
    expect(await violationsOf(() => (doc = parseXml(xml)))).to.equal(0);
    const root = doc!.documentElement;
    expect([root.localName, root.namespaceURI, root.getAttribute('numberReturned')]).to.deep.equal(['FeatureCollection', 'http://www.opengis.net/wfs/2.0', '2']);
    expect(root.getElementsByTagNameNS('http://www.opengis.net/wfs/2.0', 'member')).to.have.length(2);
    expect(root.textContent).to.equal('a & b');
  });

  it('reads XHTML and SVG without styling them', async () => {
    const xhtml = '<html xmlns="http://www.w3.org/1999/xhtml"><body><p style="color:red">texte</p><svg xmlns="http://www.w3.org/2000/svg" style="fill:red"/></body></html>';
    let doc: Document | undefined;
    expect(await violationsOf(() => (doc = parseXml(xhtml)))).to.equal(0);
    expect(doc!.documentElement.textContent).to.equal('texte');
  });

  it('gives the text of an HTML page with styles without a violation, and without its title, styles and scripts', async () => {
    const html = '<html><head><title>GeoServer GetFeatureInfo</title><style>td{color:red}</style></head><body><table style="border:1px solid"><tr><td STYLE=\'x\'>ZNIEFF 820030</td></tr></table><script>window.__pwned = 1</script></body></html>';
    let text = '';
    expect(await violationsOf(() => (text = textOfHtml(html)))).to.equal(0);
    expect(text.trim()).to.equal('ZNIEFF 820030');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
