import { createHash } from 'node:crypto';
import { escapeHtml } from './html-escape.ts';

/** The parts of one self-contained report page. */
export interface PageParts {
  /** Plain text; escaped here. */
  title: string;
  /** Inline CSS. */
  css: string;
  /** Body markup, already escaped by the caller. */
  body: string;
  /** Inline JavaScript, run after the body; omit for a page without script. */
  script?: string;
}

/**
 * Wraps body markup in a complete HTML document that opens from disk: CSS and script inline,
 * and a Content-Security-Policy that forbids every network load and allows only the page's own
 * script (by hash), so markup that slipped past escaping still could not run or phone home.
 * @param parts title, CSS, body and optional script.
 */
export function renderPage(parts: PageParts): string {
  const scriptSrc = parts.script === undefined ? "'none'" : `'${sha256(parts.script)}'`;
  const policy = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    `script-src ${scriptSrc}`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const script = parts.script === undefined ? '' : `<script>${parts.script}</script>\n`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(parts.title)}</title>
<style>${parts.css}</style>
</head>
<body>
${parts.body}
${script}</body>
</html>
`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
