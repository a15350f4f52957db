import { expect } from 'chai';
import { ServiceExceptionError, isXmlContentType, readServiceException, throwIfServiceException } from '../../../src/layers/ogc/exception.js';
import { readWfsCapabilities } from '../../../src/layers/wfs/read.js';
import { SKIP_NO_SHARED, sharedText } from './ogc-support.js';

const WMS_111 = `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE ServiceExceptionReport SYSTEM "http://schemas.opengis.net/wms/1.1.1/exception_1_1_1.dtd">
<ServiceExceptionReport version="1.1.1">
  <ServiceException code="LayerNotDefined">
    Could not find layer PROTECTEDAREAS.NOPE
  </ServiceException>
</ServiceExceptionReport>`;

describe('OGC exception reports', () => {
  it('reads a WMS 1.1.1 ServiceExceptionReport (no namespace, with a code)', () => {
    expect(readServiceException(WMS_111)).to.deep.equal({ message: 'Could not find layer PROTECTEDAREAS.NOPE', code: 'LayerNotDefined' });
  });

  it('reads the WMS 1.3.0 ServiceExceptionReport fixture (ogc namespace)', async function () {
    const text = await sharedText('configs/capabilities/wms_service-exception-report-1-3-0.xml');
    if (text === undefined) this.skip();
    expect(readServiceException(text!)).to.deep.equal({
      message: 'msWMSDispatch(): WMS server error. Incomplete or unsupported WMS request',
      code: undefined,
    });
  });

  it('reads the WFS 2.0 OWS ExceptionReport fixture (ows namespace, exceptionCode)', async function () {
    const text = await sharedText('configs/capabilities/wfs_exception-report-2-0-0.xml');
    if (text === undefined) this.skip();
    expect(readServiceException(text!)).to.deep.equal({
      message: 'msWFSDispatch(): WFS server error. Invalid WFS request: FooBar',
      code: 'InvalidParameterValue',
    });
    expect(() => throwIfServiceException(text!)).to.throw(ServiceExceptionError, 'Invalid WFS request: FooBar');
  });

  it('joins several exceptions, shortens a long one and falls back to the code', () => {
    const many = `<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Exception exceptionCode="A"><ows:ExceptionText>first</ows:ExceptionText></ows:Exception><ows:Exception exceptionCode="B"><ows:ExceptionText>second</ows:ExceptionText></ows:Exception></ows:ExceptionReport>`;
    expect(readServiceException(many)?.message).to.equal('first ; second');
    const long = `<ServiceExceptionReport><ServiceException>${'x'.repeat(500)}</ServiceException></ServiceExceptionReport>`;
    expect(readServiceException(long)!.message).to.have.length(200);
    const bare = `<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Exception exceptionCode="NoApplicableCode"/></ows:ExceptionReport>`;
    expect(readServiceException(bare)).to.deep.equal({ message: 'NoApplicableCode', code: 'NoApplicableCode' });
  });

  it('says nothing for other XML, broken XML or text', () => {
    expect(readServiceException('<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0"/>')).to.equal(undefined);
    expect(readServiceException('<ServiceExceptionReport><ServiceException>oops')).to.equal(undefined);
    expect(readServiceException('not xml at all')).to.equal(undefined);
    expect(() => throwIfServiceException('<a/>')).not.to.throw();
  });

  it('knows the content types of exception reports', () => {
    for (const type of ['text/xml', 'application/xml; charset=UTF-8', 'application/vnd.ogc.se_xml', 'application/vnd.ogc.se+xml', 'application/gml+xml; version=3.2']) {
      expect(isXmlContentType(type), type).to.equal(true);
    }
    for (const type of ['image/png', 'application/json', null, undefined]) expect(isXmlContentType(type), String(type)).to.equal(false);
  });
});

describe('WFS capabilities', () => {
  it('reads the GetFeature output formats and feature types of a 2.0.0 service', async function () {
    const text = await sharedText('configs/capabilities/wfs_capabilities-geo2france-2-0-0.xml');
    if (text === undefined) this.skip();
    const caps = readWfsCapabilities(text!);
    expect(caps.version).to.equal('2.0.0');
    expect(caps.outputFormats).to.include.members(['application/json', 'application/gml+xml; version=3.2', 'GML2']);
    expect(caps.featureTypes[0]).to.deep.equal({ name: 'cr_hdf:domaine_public_hdf_com', defaultCrs: 'urn:ogc:def:crs:EPSG::2154' });
  });

  it('reads a 1.1.0 service (ows:Value without AllowedValues, DefaultSRS)', async function () {
    const text = await sharedText('configs/capabilities/wfs_capabilities-pigma-1-1-0.xml');
    if (text === undefined) this.skip();
    const caps = readWfsCapabilities(text!);
    expect(caps.version).to.equal('1.1.0');
    expect(caps.outputFormats).to.include.members(['text/xml; subtype=gml/3.1.1', 'application/json']);
    expect(caps.featureTypes.length).to.be.greaterThan(0);
    expect(caps.featureTypes[0]!.defaultCrs).to.match(/EPSG/);
  });

  it('refuses what is not WFS capabilities, and reports an exception', () => {
    expect(() => readWfsCapabilities('<WMS_Capabilities/>')).to.throw(/WFS capabilities/);
    expect(() => readWfsCapabilities(WMS_111)).to.throw(ServiceExceptionError);
  });
});

it('ogc-support: ../shared/data is readable from the test server', async function () {
  const text = await sharedText('configs/capabilities/wmts_ign.xml');
  if (text === undefined) {
    console.info(SKIP_NO_SHARED);
    this.skip();
  }
  expect(text).to.contain('<Capabilities');
});
