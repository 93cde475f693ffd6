/**
 * The recording format: a directory with `manifest.json` and one JSON file per exchange under
 * `<suite>/<label>/NNNN-<method>-<operation>.json`, text bodies beside it in a side file.
 * Field names are part of the committed format: change them only with RECORDING_FORMAT.
 */
import type { TargetProfile } from '../profile/profile.ts';

/** Version of this format; a recording of another format is refused. */
export const RECORDING_FORMAT = 1;

/** The manifest's file name inside a recording directory. */
export const MANIFEST_FILE = 'manifest.json';

/** What made a recording. */
export type RecordingSource = 'simulator' | 'live' | 'release-notes';

/** The profile as a recording keeps it: no credentials (only variable names), no scrub list. */
export type RecordedProfile = Omit<TargetProfile, 'expectations' | 'scrub'> & {
  /** File name of the expectations file, copied into the recording directory. */
  expectations?: string;
};

/** Size limits the recorder applied. */
export interface RecordLimits {
  /** Bodies up to this many bytes are stored whole (default 256 KiB). */
  inlineBytes: number;
  /** XML bodies up to this many bytes are stored whole (default 4 MiB): XML checks need all. */
  xmlBytes: number;
  /** Bytes of a summarized body kept to serve on replay (default 16 KiB). */
  headBytes: number;
}

export const DEFAULT_RECORD_LIMITS: RecordLimits = {
  inlineBytes: 256 * 1024, // 256 KiB
  xmlBytes: 4 * 1024 * 1024, // 4 MiB
  headBytes: 16 * 1024, // 16 KiB
};

/** Parameters left out when requests are matched (their values change from run to run). */
export const DEFAULT_VOLATILE_PARAMS = ['echo_request'];

/** `manifest.json`: what was recorded, how, and what a replay must use to ask the same. */
export interface RecordingManifest {
  format: typeof RECORDING_FORMAT;
  harnessVersion: string;
  generatorVersion: string;
  madeAgainst: RecordingSource;
  /** One line for a reader: where the answers come from. */
  note: string;
  recordedAt: string;
  /** False until the run that wrote it ended; an incomplete recording is refused. */
  complete: boolean;
  /** The mode the suites ran in (a replay shows them the same). */
  mode: 'sim' | 'live';
  seed: number;
  runs: number;
  depth: 'quick' | 'full';
  suites: string[];
  faults: string[];
  profile: RecordedProfile;
  limits: RecordLimits;
  volatileParams: string[];
  exchanges: number;
}

/** One recorded call: the request as the governor sent it and the target's answer. */
export interface RecordedExchange {
  format: typeof RECORDING_FORMAT;
  /** The `x-harness-label` of the call (rule id or case label); null when it had none. */
  label: string | null;
  /** 1-based position among the exchanges of this label, in the order they were answered. */
  sequence: number;
  request: RecordedRequest;
  /** Null for a transcribed request whose answer the source does not show. */
  response: RecordedResponse | null;
  /** True when the governor retried the call after this answer (a 409). */
  retried?: boolean;
}

/** A request, scrubbed, parameters in canonical order (by name, then value). */
export interface RecordedRequest {
  method: 'GET' | 'POST';
  path: string;
  /** The profile user role the call was made as (`main` or a `users` role). */
  user: string;
  query: [string, string][];
  form: [string, string][];
  /** The request headers that matter (never Authorization: the governor adds it). */
  headers: Record<string, string>;
}

/** An answer: status, headers (scrubbed, no Date or hop-by-hop), body. */
export interface RecordedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: RecordedBody;
}

/** How a body is kept. */
export type RecordedBody =
  | { kind: 'empty' }
  /** Text in a side file beside the exchange file, scrubbed. */
  | { kind: 'text'; file: string; bytes: number; truncated?: boolean }
  /** Small binary body, inline. */
  | { kind: 'base64'; data: string; bytes: number; truncated?: boolean }
  /** Too large to keep: its summary, and a head to serve on replay. */
  | { kind: 'summary'; summary: BodySummary };

/** What stands in for a body too large to keep. */
export interface BodySummary {
  contentType: string | null;
  /** Bytes seen (the whole body when `complete`). */
  bytes: number;
  /** False when the caller stopped reading, or the target broke off, before the end. */
  complete: boolean;
  /** The first bytes, served on replay in place of the body. */
  head: { encoding: 'utf8' | 'base64'; data: string; bytes: number };
  /** Each summarizer's output by its name (`default`: length, sha256, text head). */
  summaries: Record<string, unknown>;
  /** Why the body ended early, when it did. */
  ended?: string;
}

/** Response header the replay server adds to a summarized body: the exchange file's path. */
export const RECORDED_SUMMARY_HEADER = 'x-harness-recorded-summary';
