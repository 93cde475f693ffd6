/**
 * The SIZE of each report in a REPORT_LIST_OUTPUT answer, by report ID (report_list_output.dtd:
 * REPORT has ID and SIZE, both #PCDATA). Only these two fields are read, so a list that does
 * not validate still gives its sizes; validating the list is the XML oracle's job.
 */
export function reportListSizes(xml: string): Map<number, string> {
  const sizes = new Map<number, string>();
  for (const match of xml.matchAll(/<REPORT>([\s\S]*?)<\/REPORT>/g)) {
    const block = match[1] ?? '';
    const id = /<ID>\s*(\d+)\s*<\/ID>/.exec(block)?.[1];
    const size = /<SIZE>\s*(?:<!\[CDATA\[)?([^<\]]*)(?:\]\]>)?\s*<\/SIZE>/.exec(block)?.[1];
    if (id !== undefined && size !== undefined) sizes.set(Number(id), size.trim());
  }
  return sizes;
}
