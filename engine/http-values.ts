import type { IncomingMessage } from 'node:http';

/** The first value of a header that may repeat (Node gives repeated headers as a list). */
export function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Reads a request's whole body as UTF-8 (form bodies: small by nature). */
export async function readRequestText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
