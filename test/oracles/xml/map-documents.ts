import { fc } from '@fast-check/vitest';

/** A way to break one MAP of a generated map-2 document, or none. */
export type MapFault =
  | 'none'
  | 'ip-without-value'
  | 'port-after-discovery'
  | 'undeclared-attribute'
  | 'tag-mismatch'
  | 'text-between-maps'
  | 'error-among-maps';

/** The shape of a generated map-2 document: IPs per MAP, and a fault placed in one MAP. */
export interface MapDocumentShape {
  ipsPerMap: readonly number[];
  fault: MapFault;
  /** Index (modulo the MAP count) of the MAP that carries the fault. */
  faultyMap: number;
  /** Text used in attribute values, CDATA and comments; may hold `>` and `<MAP`. */
  text: string;
}

const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function ip(map: number, i: number, text: string, broken: MapFault | null): string {
  const value = broken === 'ip-without-value' ? '' : ` value="10.${map}.0.${i}"`;
  const extra = broken === 'undeclared-attribute' ? ' networkid="1"' : '';
  const name = ` name="${xmlText(text)}>host${i}"`;
  const ports =
    broken === 'port-after-discovery'
      ? '<DISCOVERY method="ICMP"/><PORT value="22"/>'
      : '<DISCOVERY method="TCP RST" />';
  const close = broken === 'tag-mismatch' ? '</IPX>' : '</IP>';
  return `    <IP${value}${name}${extra}>\n      ${ports}\n    ${close}\n`;
}

function map(index: number, ips: number, text: string, fault: MapFault | null): string {
  let out = `  <MAP value="map/${index}">\n    <HEADER>\n`;
  out += `      <KEY value="TITLE"><![CDATA[${text.replace(/]]>/g, '')} </MAP><MAP>]]></KEY>\n`;
  out += '    </HEADER>\n';
  for (let i = 0; i < ips; i += 1) out += ip(index, i, text, i === ips - 1 ? fault : null);
  return `${out}  </MAP>\n`;
}

/** A map-2.php answer with the shape given, as bytes (UTF-8). */
export function mapDocument(shape: MapDocumentShape): Buffer {
  const faulty = shape.faultyMap % shape.ipsPerMap.length;
  const comment = shape.text.replace(/-/g, '');
  let out = '<?xml version="1.0" encoding="UTF-8" ?>\n';
  out += '<!DOCTYPE MAP_REQUEST SYSTEM "https://qualysapi.qualys.com/map-2.dtd">\n';
  out += '<MAP_REQUEST>\n';
  shape.ipsPerMap.forEach((ips, index) => {
    const fault = index === faulty ? shape.fault : null;
    if (fault === 'text-between-maps') out += '  stray text\n';
    if (fault === 'error-among-maps') out += '  <ERROR number="1">not a MAP</ERROR>\n';
    out += `  <!-- <MAP value="${comment}"> -->\n<?pi a > b <MAP ?>\n`;
    out += map(index, ips, shape.text, fault);
  });
  return Buffer.from(`${out}</MAP_REQUEST>\n`, 'utf8');
}

/** Shapes of map-2 documents: 2 to 12 MAPs, some with a fault in one MAP. */
export const mapDocumentShape: fc.Arbitrary<MapDocumentShape> = fc.record({
  ipsPerMap: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 12 }),
  fault: fc.constantFrom<MapFault>(
    'none',
    'none',
    'ip-without-value',
    'port-after-discovery',
    'undeclared-attribute',
    'tag-mismatch',
    'text-between-maps',
    'error-among-maps',
  ),
  faultyMap: fc.nat(),
  text: fc.stringMatching(/^[a-z <>&"'/!?=-]{0,20}$/),
});
