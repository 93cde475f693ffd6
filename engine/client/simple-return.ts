import libxml from 'libxmljs2';
import type { Document, Element } from 'libxmljs2';

/** The parts of a SIMPLE_RETURN (simple_return.dtd) the harness reads. */
export interface SimpleReturn {
  datetime: string | undefined;
  /** Absent on success responses. */
  code: number | undefined;
  text: string;
  /** ITEM_LIST as KEY → VALUEs. */
  items: Map<string, string[]>;
}

const MAX_SIMPLE_RETURN_BYTES = 1_000_000; // 1 MB: real ones are a few hundred bytes

/**
 * Parses a SIMPLE_RETURN body. Returns undefined for anything else (other root, not XML, too
 * large). Never loads the DOCTYPE's DTD, never expands external entities, never uses the network.
 */
export function parseSimpleReturn(body: string): SimpleReturn | undefined {
  if (body.length > MAX_SIMPLE_RETURN_BYTES || !body.includes('<SIMPLE_RETURN')) return undefined;
  let doc: Document;
  try {
    doc = libxml.parseXml(body, { nonet: true, noent: false, dtdload: false, dtdvalid: false });
  } catch {
    return undefined;
  }
  const root = doc.root();
  if (root === null || root.name() !== 'SIMPLE_RETURN') return undefined;
  const text = (xpath: string) => root.get<Element>(xpath)?.text().trim();
  const codeText = text('RESPONSE/CODE');
  const items = new Map<string, string[]>();
  for (const item of root.find<Element>('RESPONSE/ITEM_LIST/ITEM')) {
    const key = item.get<Element>('KEY')?.text().trim();
    if (key === undefined) continue;
    items.set(
      key,
      item.find<Element>('VALUE').map((v) => v.text().trim()),
    );
  }
  return {
    datetime: text('RESPONSE/DATETIME'),
    code: codeText !== undefined && /^\d+$/.test(codeText) ? Number(codeText) : undefined,
    text: text('RESPONSE/TEXT') ?? '',
    items,
  };
}

/** The first VALUE of an ITEM, as an integer, when it is one. */
export function itemInt(sr: SimpleReturn, key: string): number | undefined {
  const value = sr.items.get(key)?.[0];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}
