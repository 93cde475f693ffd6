/** The outcome of one check on one report: problems (empty: it holds) and evidence lines. */
export interface CheckResult {
  problems: string[];
  evidence: string[];
}

/** Kinds a Content-Type, a filename or a body's first bytes may announce. */
export type DeclaredKind = 'zip' | 'csv' | 'other' | 'absent';
