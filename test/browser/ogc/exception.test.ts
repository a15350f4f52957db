import { expect } from 'chai';
import { skipBecause } from '../support/skip.js';
import { ServiceExceptionError, isXmlContentType, readServiceException, throwIfServiceException } from '../../../src/ogc/exception.js';
import { readWfsOutputFormats } from '../../../src/layers/wfs/read.js';
import { SKIP_NO_SHARED, sharedText } from '../layers/ogc-support.js';

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
    if (text === undefined) skipBecause(this, SKIP_NO_SHARED);
    expect(readServiceException(text!)).to.deep.equal({
      message: 'msWMSDispatch(): WMS server error. Incomplete or unsupported WMS request',
      code: undefined,
    });
  });

  it('reads the WFS 2.0 OWS ExceptionReport fixture (ows namespace, exceptionCode)', async function () {
    const text = await sharedText('configs/capabilities/wfs_exception-report-2-0-0.xml');
    if (text === undefined) skipBecause(this, SKIP_NO_SHARED);
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

describe('WFS capabilities, as the layer reads them (the one reader of src/ogc/wfs.ts)', () => {
  it('reads the GetFeature output formats of a 2.0.0 service', async function () {
    const text = await sharedText('configs/capabilities/wfs_capabilities-geo2france-2-0-0.xml');
    if (text === undefined) skipBecause(this, SKIP_NO_SHARED);
    expect(readWfsOutputFormats(text!)).to.include.members(['application/json', 'application/gml+xml; version=3.2', 'GML2']);
  });

  it('reads a 1.1.0 service (ows:Value without AllowedValues)', async function () {
    const text = await sharedText('configs/capabilities/wfs_capabilities-pigma-1-1-0.xml');
    if (text === undefined) skipBecause(this, SKIP_NO_SHARED);
    expect(readWfsOutputFormats(text!)).to.include.members(['text/xml; subtype=gml/3.1.1', 'application/json']);
  });

  it('reads formats listed under AllowedValues', () => {
    const caps = `<wfs:WFS_Capabilities xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:ows="http://www.opengis.net/ows/1.1" version="2.0.0"><ows:OperationsMetadata><ows:Operation name="GetFeature"><ows:Parameter name="outputFormat"><ows:AllowedValues><ows:Value>application/json</ows:Value></ows:AllowedValues></ows:Parameter></ows:Operation></ows:OperationsMetadata></wfs:WFS_Capabilities>`;
    expect(readWfsOutputFormats(caps)).to.deep.equal(['application/json']);
  });

  it('refuses what is not WFS capabilities, and reports an exception', () => {
    expect(() => readWfsOutputFormats('<WMS_Capabilities/>')).to.throw(/WFS capabilities/);
    expect(() => readWfsOutputFormats(WMS_111)).to.throw(ServiceExceptionError);
  });
});
