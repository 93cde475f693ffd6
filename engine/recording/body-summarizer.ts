import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { RecordedProfile } from './recording-format.ts';
import { firstHeader } from '../http-values.ts';

/** Response headers as the governor saw them. */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** What a summarizer knows about the answer whose body it reads. */
export interface SummaryContext {
  status: number;
  headers: ResponseHeaders;
  request: { method: string; path: string; params: [string, string][] };
  /** The run's depth (`quick` reads large reports only partly). */
  depth: 'quick' | 'full';
  /** The recorded profile (subscription.pcrs for report thresholds). */
  profile: RecordedProfile;
}

/**
 * Stands in for a body too large to record (a policy report of gigabytes): reads it as it
 * streams, in bounded memory, and returns a JSON summary a replayed run can judge instead.
 * Register one in `summarizers.ts`.
 */
export interface BodySummarizer {
  /** Key of its output in the recording (`summaries[name]`). */
  name: string;
  /** True for the answers it summarizes. */
  matches(contentType: string | undefined, headers: ResponseHeaders): boolean;
  /**
   * Reads `body` (it may stop early: the recorder then stops feeding it) and resolves to a
   * JSON value. The stream ends early when the caller stopped reading or the target broke off.
   */
  summarize(body: Readable, context: SummaryContext): Promise<unknown>;
}

/** Output of the default summarizer. */
export interface DefaultSummary {
  bytes: number;
  sha256: string;
  /** The first 4 KiB as text, for text bodies. */
  textHead?: string;
}

const TEXT_HEAD_BYTES = 4 * 1024; // 4 KiB

/** True for content types whose bodies are text (XML, CSV, JSON, text/*). */
export function isTextContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  return /^text\/|[/+](xml|json|csv)\b|^application\/x-www-form-urlencoded/i.test(contentType);
}

/** The summarizer every large body gets: length, sha256, and the first 4 KiB when text. */
export const defaultSummarizer: BodySummarizer = {
  name: 'default',
  matches: () => true,
  async summarize(body, context) {
    const hash = createHash('sha256');
    let bytes = 0;
    const head: Buffer[] = [];
    let headBytes = 0;
    for await (const chunk of body) {
      const buffer = chunk as Buffer;
      hash.update(buffer);
      bytes += buffer.length;
      if (headBytes < TEXT_HEAD_BYTES) {
        head.push(buffer.subarray(0, TEXT_HEAD_BYTES - headBytes));
        headBytes += Math.min(buffer.length, TEXT_HEAD_BYTES - headBytes);
      }
    }
    const summary: DefaultSummary = { bytes, sha256: hash.digest('hex') };
    const contentType = firstHeader(context.headers['content-type']);
    if (isTextContentType(contentType)) summary.textHead = Buffer.concat(head).toString('utf8');
    return summary;
  },
};
