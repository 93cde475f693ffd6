import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { relative } from 'node:path';
import { HARNESS_HEADERS } from '../governor/harness-headers.ts';
import { listenOnLoopback } from '../loopback-server.ts';
import { refreshHint } from './manifest.ts';
import type { LoadedExchange, LoadedRecording } from './read-recording.ts';
import { RECORDED_SUMMARY_HEADER } from './recording-format.ts';
import { describeParams, requestKey } from './request-key.ts';
import { firstHeader, readRequestText } from '../http-values.ts';

/** A running replay server. */
export interface ReplayServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** What was asked and not found, one line each. */
  readonly misses: string[];
  close(): Promise<void>;
}

const SERVED_HEADERS_SKIPPED = new Set(['content-length', 'transfer-encoding', 'connection']);

/**
 * Plays a recording as an HTTP server on 127.0.0.1: each call is matched on its label, method,
 * path, user and parameters (as a set, volatile ones left out), and the k-th identical call
 * within a label gets the k-th recorded answer, so stateful sequences replay in order (past the
 * last one, only when all its answers were the same). A call without a recording gets a
 * harness error (`x-harness-error: no-recording`) saying what was asked and how to record it.
 * @param users username → profile role, for the Basic credentials the governor sends
 */
export async function startReplayServer(
  recording: LoadedRecording,
  users: ReadonlyMap<string, string>,
): Promise<ReplayServer> {
  const volatile = recording.manifest.volatileParams ?? [];
  const index = new Map<string, LoadedExchange[]>();
  for (const loaded of [...recording.exchanges].sort(
    (a, b) => a.exchange.sequence - b.exchange.sequence,
  )) {
    const { label, request } = loaded.exchange;
    const key = `${label ?? ''}\n${requestKey({ ...request, volatile })}`;
    index.set(key, [...(index.get(key) ?? []), loaded]);
  }
  const served = new Map<string, number>();
  const misses: string[] = [];
  const dir = relative(process.cwd(), recording.dir) || recording.dir;

  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      if (!res.headersSent) harnessError(res, 'replay-error', (error as Error).message);
      else res.destroy();
    });
  });

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = req.method === 'POST' ? await readRequestText(req) : '';
    const url = new URL(req.url ?? '/', 'http://replay');
    const user = users.get(basicUser(req.headers.authorization) ?? '');
    if (user === undefined) {
      harnessError(res, 'replay-error', 'the replay server was called without a replay user');
      return;
    }
    const label = firstHeader(req.headers[HARNESS_HEADERS.label]) ?? '';
    const request = {
      method: req.method ?? 'GET',
      path: url.pathname,
      user,
      query: [...url.searchParams.entries()],
      form: [...new URLSearchParams(form).entries()],
      volatile,
    };
    const key = `${label}\n${requestKey(request)}`;
    const k = served.get(key) ?? 0;
    served.set(key, k + 1);
    const recorded = index.get(key) ?? [];
    // A read asked more often than recorded (once per worker, and workers vary) gets the
    // answer again when every recorded answer to it was the same; a changing one never does.
    const hit = recorded[k] ?? (sameAnswers(recorded) ? recorded.at(-1) : undefined);
    if (hit === undefined) {
      const params = describeParams([...request.query, ...request.form]);
      const which =
        recorded.length === 0 ? '' : ` (call ${k + 1} of it; ${recorded.length} recorded)`;
      const reason =
        `no recording for ${request.method} ${request.path} (${params}) as ${user}` +
        `${label === '' ? '' : ` under label ${label}`}${which} in ${dir}; ` +
        refreshHint(recording.manifest, recording.dir);
      misses.push(reason);
      harnessError(res, 'no-recording', reason);
      return;
    }
    serve(res, hit);
  }

  function serve(res: ServerResponse, hit: LoadedExchange): void {
    const response = hit.exchange.response;
    if (response === null) {
      harnessError(
        res,
        'no-recording',
        `${relative(process.cwd(), hit.file)} holds the request only: its source shows no answer`,
      );
      return;
    }
    res.statusCode = response.status;
    for (const [name, value] of Object.entries(response.headers)) {
      if (!SERVED_HEADERS_SKIPPED.has(name.toLowerCase())) res.setHeader(name, value);
    }
    if (response.body.kind === 'summary') res.setHeader(RECORDED_SUMMARY_HEADER, hit.file);
    res.setHeader('content-length', String(hit.body.length));
    res.end(hit.body);
  }

  const listener = await listenOnLoopback(server);
  return {
    url: listener.url,
    misses,
    async close() {
      await listener.close();
    },
  };
}

/** True when there are answers and all have the same status, content type and body. */
function sameAnswers(recorded: readonly LoadedExchange[]): boolean {
  const [first, ...rest] = recorded;
  if (first === undefined) return false;
  // Limit headers count down from call to call; they are no part of what was answered.
  const shape = (e: LoadedExchange) =>
    JSON.stringify([e.exchange.response?.status, e.exchange.response?.headers['content-type']]);
  return rest.every((e) => shape(e) === shape(first) && e.body.equals(first.body));
}

function harnessError(res: ServerResponse, kind: string, reason: string): void {
  res.statusCode = 501;
  res.setHeader(HARNESS_HEADERS.error, kind);
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ harness: kind, reason }));
}

function basicUser(authorization: string | undefined): string | undefined {
  const token = /^Basic\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (token === undefined) return undefined;
  return Buffer.from(token, 'base64').toString('utf8').split(':')[0];
}
