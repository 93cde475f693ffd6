import type { Classification } from '../client/classify.ts';

/** One call as the governor saw it, handed to observers (limit checks, recorder). */
export interface Exchange {
  /** 1-based call number in the run. */
  number: number;
  method: string;
  /** Path and query string as sent, e.g. `/api/2.0/fo/report/?action=list`. */
  url: string;
  /** Form body of a POST, as sent (no credentials are ever in it). */
  form: string | undefined;
  /** Extra user role, when the call was made as one. */
  user: string | undefined;
  label: string | undefined;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  classification: Classification;
  /** The body when it was read whole (small XML answers); undefined when streamed. */
  body: string | undefined;
  /** Whether the governor will retry this call. */
  retried: boolean;
}

/** Something that wants to see every exchange (must not throw, must be quick). */
export type ExchangeObserver = (exchange: Exchange) => void;
