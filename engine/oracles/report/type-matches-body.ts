import type { CheckResult, DeclaredKind } from './check-result.ts';
import type { ReportInspection } from './inspect-report-body.ts';

/** What the Content-Type announces. */
export function contentTypeKind(inspection: ReportInspection): DeclaredKind {
  const type = inspection.mediaType?.type;
  if (type === undefined) return 'absent';
  if (type === 'application/zip' || type === 'application/x-zip-compressed') return 'zip';
  if (type === 'text/csv') return 'csv';
  return 'other';
}

/** What the Content-Disposition filename's extension announces. */
export function filenameKind(inspection: ReportInspection): DeclaredKind {
  if (inspection.filename === undefined) return 'absent';
  if (inspection.extension === 'zip') return 'zip';
  if (inspection.extension === 'csv') return 'csv';
  return 'other';
}

/**
 * Content-Type, the Content-Disposition filename and the body's first bytes (PK\x03\x04 or
 * text) announce the same kind, and the body is as long as Content-Length says (release notes:
 * "the response header will indicate if the report is compressed or not").
 */
export function typeMatchesBody(inspection: ReportInspection): CheckResult {
  const problems: string[] = [];
  const body = inspection.magic === 'zip' ? 'zip' : inspection.magic === 'text' ? 'csv' : 'absent';
  const evidence = [
    `Content-Type: ${inspection.contentType ?? '(none)'}`,
    `Content-Disposition: ${inspection.contentDisposition ?? '(none)'}`,
    `first bytes: ${inspection.firstBytes || '(empty body)'}`,
  ];
  const type = contentTypeKind(inspection);
  const name = filenameKind(inspection);
  if (inspection.status !== undefined && inspection.status !== 200) {
    problems.push(`the fetch answered HTTP ${inspection.status}, not 200 with a report`);
  }
  if (body === 'absent') problems.push('the body is empty');
  if (type === 'absent') problems.push('the answer has no Content-Type');
  else if (type === 'other')
    problems.push(
      `Content-Type "${inspection.contentType}" is neither text/csv nor application/zip`,
    );
  else if (body !== 'absent' && type !== body) {
    problems.push(
      `Content-Type "${inspection.contentType}" announces ${type.toUpperCase()}, the body is ${describeBody(inspection)}`,
    );
  }
  if (name === 'absent') problems.push('the answer has no Content-Disposition filename');
  else if (name === 'other')
    problems.push(`the filename "${inspection.filename}" ends neither in .csv nor in .zip`);
  else if (body !== 'absent' && name !== body) {
    problems.push(
      `the filename "${inspection.filename}" announces ${name.toUpperCase()}, the body is ${describeBody(inspection)}`,
    );
  }
  problems.push(...lengthProblems(inspection, evidence));
  return { problems, evidence };
}

function lengthProblems(inspection: ReportInspection, evidence: string[]): string[] {
  const declared = inspection.contentLength;
  const received = inspection.received;
  if (inspection.readTo === 'broke-off') {
    const of = declared === undefined ? '' : ` of the ${declared} Content-Length declares`;
    return [`the body broke off after ${received} bytes${of}: ${inspection.brokeOff ?? ''}`];
  }
  if (declared === undefined) {
    evidence.push(`no Content-Length (chunked): ${received} bytes received`);
    return [];
  }
  if (inspection.readTo === 'quick-stop') {
    evidence.push(
      `Content-Length ${declared} not compared: quick depth stopped after ${received} bytes`,
    );
    return [];
  }
  if (declared !== received)
    return [`Content-Length declares ${declared} bytes, the body has ${received}`];
  evidence.push(`Content-Length ${declared} = bytes received`);
  return [];
}

function describeBody(inspection: ReportInspection): string {
  return inspection.magic === 'zip'
    ? 'a ZIP archive (starts PK\\x03\\x04)'
    : `text (starts "${inspection.firstBytes}")`;
}
