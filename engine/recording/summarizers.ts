import { defaultSummarizer, type BodySummarizer } from './body-summarizer.ts';
import { reportDigestSummarizer } from './report-digest-summarizer.ts';

/**
 * The one place summarizers are registered. Every summarized body gets `default` (length,
 * sha256, text head); each other summarizer whose `matches` says so adds its own summary under
 * its name: `report-digest` for policy reports (CSV or ZIP).
 */
export const BODY_SUMMARIZERS: readonly BodySummarizer[] = [
  defaultSummarizer,
  reportDigestSummarizer,
];
