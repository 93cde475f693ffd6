import type { SimResponse } from './sim-types.ts';
import { xmlEscape } from './xml-escape.ts';
import { qualysDatetime } from './qualys-datetime.ts';

/** Content type Qualys sends with SIMPLE_RETURN bodies (seen on real 400s). */
export const XML_CONTENT_TYPE = 'application/xml';

/** A SIMPLE_RETURN body, shaped like the recorded ones (no XML declaration, a DOCTYPE). */
export function simpleReturnXml(response: {
  code?: number;
  text: string;
  items?: [string, string[]][];
  datetime?: string;
  dtdUrl?: string;
}): string {
  const datetime = response.datetime ?? qualysDatetime();
  const dtd = response.dtdUrl ?? 'https://qualysapi.qualys.com/api/2.0/simple_return.dtd';
  const lines = [
    `<!DOCTYPE SIMPLE_RETURN SYSTEM "${dtd}">`,
    '<SIMPLE_RETURN>',
    '  <RESPONSE>',
    `    <DATETIME>${datetime}</DATETIME>`,
  ];
  if (response.code !== undefined) lines.push(`    <CODE>${response.code}</CODE>`);
  lines.push(`    <TEXT>${xmlEscape(response.text)}</TEXT>`);
  if (response.items !== undefined && response.items.length > 0) {
    lines.push('    <ITEM_LIST>');
    for (const [key, values] of response.items) {
      lines.push('      <ITEM>', `        <KEY>${xmlEscape(key)}</KEY>`);
      for (const value of values) lines.push(`        <VALUE>${xmlEscape(value)}</VALUE>`);
      lines.push('      </ITEM>');
    }
    lines.push('    </ITEM_LIST>');
  }
  lines.push('  </RESPONSE>', '</SIMPLE_RETURN>', '');
  return lines.join('\n');
}

/**
 * A request error (Appendix D: HTTP 400, CODE 1901–1922).
 * @param code 1901 unknown parameter, 1903 missing, 1904 exclusive, 1905 invalid value,
 *   1907 unsupported combination, 1908 wrong method, 1922 at least one of
 */
export function requestError(code: number, text: string, status = 400): SimResponse {
  return {
    status,
    headers: { 'content-type': XML_CONTENT_TYPE },
    body: simpleReturnXml({ code, text }),
  };
}

/** A successful SIMPLE_RETURN (no CODE), e.g. "Compliance Policy successfully modified.". */
export function simpleSuccess(text: string, items: [string, string[]][] = []): SimResponse {
  return {
    status: 200,
    headers: { 'content-type': XML_CONTENT_TYPE },
    body: simpleReturnXml({ text, items }),
  };
}

/** An XML body that is not a SIMPLE_RETURN (list outputs, maps). */
export function xmlDocument(body: string, status = 200): SimResponse {
  return { status, headers: { 'content-type': 'text/xml;charset=UTF-8' }, body };
}

/** The v1 (/msp) error form: GENERIC_RETURN with a FAILED RETURN and its number. */
export function genericReturnError(number: number, text: string, status = 400): SimResponse {
  const body = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<!DOCTYPE GENERIC_RETURN SYSTEM "https://qualysapi.qualys.com/generic_return.dtd">',
    '<GENERIC_RETURN>',
    `  <RETURN status="FAILED" number="${number}">${xmlEscape(text)}</RETURN>`,
    '</GENERIC_RETURN>',
    '',
  ].join('\n');
  return { status, headers: { 'content-type': 'text/xml;charset=UTF-8' }, body };
}
