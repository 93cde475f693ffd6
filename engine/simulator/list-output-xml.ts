import type { SimResponse } from './sim-types.ts';
import { qualysDatetime } from './qualys-datetime.ts';
import { xmlDocument } from './simple-return-xml.ts';

/**
 * A v2 list answer: `<ROOT><RESPONSE><DATETIME/><LIST>rows</LIST></RESPONSE></ROOT>`, the shape
 * of POLICY_LIST_OUTPUT, REPORT_LIST_OUTPUT and NETWORK_LIST_OUTPUT; the list element is left
 * out when there are no rows.
 * @param root e.g. `REPORT_LIST_OUTPUT`; the list is named by its first word (`REPORT_LIST`)
 * @param dtdUrl the system id of its DOCTYPE
 * @param rows XML of each entry, already indented
 */
export function listOutput(
  root: string,
  dtdUrl: string,
  rows: string[],
  now?: number,
): SimResponse {
  const list = root.replace(/_OUTPUT$/, '');
  const body = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    `<!DOCTYPE ${root} SYSTEM "${dtdUrl}">`,
    `<${root}>`,
    '  <RESPONSE>',
    `    <DATETIME>${qualysDatetime(now)}</DATETIME>`,
    ...(rows.length > 0 ? [`    <${list}>`, ...rows, `    </${list}>`] : []),
    '  </RESPONSE>',
    `</${root}>`,
    '',
  ].join('\n');
  return xmlDocument(body);
}
