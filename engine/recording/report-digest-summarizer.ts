import { inspectReportBody } from '../oracles/report/inspect-report-body.ts';
import type { BodySummarizer } from './body-summarizer.ts';

/**
 * The report oracle's digest of a policy report body (CSV or ZIP, possibly gigabytes): the
 * ReportInspection a suite would have made, at the run's depth, so a replay can judge the
 * report rules from it (`response.recordedSummary.summaries['report-digest']`).
 */
export const reportDigestSummarizer: BodySummarizer = {
  name: 'report-digest',
  matches: (contentType) =>
    /^(text\/csv|application\/(zip|x-zip-compressed))\b/i.test(contentType ?? ''),
  summarize: (body, context) =>
    inspectReportBody(
      { status: context.status, headers: context.headers, body },
      { depth: context.depth, thresholds: context.profile.subscription.pcrs },
    ),
};
