import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import { TransportError } from '../errors.ts';
import { basicAuthorization, type Credentials } from '../profile/credentials.ts';
import { formBody, queryString, type ApiRequest } from './api-request.ts';

/** How to reach a target. */
export interface ClientOptions {
  /** Origin of the API server (or of the call governor's proxy). */
  baseUrl: string;
  /** Basic auth credentials; absent when talking to the governor, which adds them. */
  credentials?: Credentials;
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number };
  /** Extra headers on every call (the governor's control headers). */
  headers?: Record<string, string>;
}

/** A response whose body has not been read yet. */
export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as a stream; read it once, with `readBody` or by piping. */
  body: Dispatcher.ResponseData['body'];
}

/** Value sent in X-Requested-With on every call; Qualys requires the header on /api/2.0. */
export const REQUESTED_WITH = 'qualys-vmpc-conformance';

/**
 * The Qualys API client: Basic auth, X-Requested-With, form-encoded POST, connect/header/body
 * timeouts and streamed bodies. It classifies nothing and never retries: the call governor does.
 */
export class QualysClient {
  readonly #options: ClientOptions;
  readonly #agent: Agent;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.#agent = new Agent({
      connect: { timeout: options.timeouts?.connectMs ?? 10_000 },
      headersTimeout: options.timeouts?.headersMs ?? 120_000,
      bodyTimeout: options.timeouts?.bodyMs ?? 120_000,
    });
  }

  /**
   * Sends one request.
   * @throws TransportError when the target cannot be reached or does not answer in time.
   */
  async send(request: ApiRequest, extraHeaders: Record<string, string> = {}): Promise<ApiResponse> {
    const url = `${this.#options.baseUrl}${request.path}${queryString(request)}`;
    const headers: Record<string, string> = {
      'x-requested-with': REQUESTED_WITH,
      ...this.#options.headers,
      ...extraHeaders,
    };
    if (this.#options.credentials !== undefined) {
      headers.authorization = basicAuthorization(this.#options.credentials);
    }
    const body = formBody(request);
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    try {
      const options: Parameters<typeof undiciRequest>[1] = {
        method: request.method,
        headers,
        dispatcher: this.#agent,
      };
      if (body !== undefined) options.body = body;
      if (request.timeoutMs !== undefined) options.signal = AbortSignal.timeout(request.timeoutMs);
      const response = await undiciRequest(url, options);
      return { status: response.statusCode, headers: response.headers, body: response.body };
    } catch (error) {
      const message = (error as Error).message;
      throw new TransportError(`${request.method} ${request.path} failed: ${message}`, {
        cause: error,
      });
    }
  }

  /** Closes the connection pool. */
  async close(): Promise<void> {
    await this.#agent.close();
  }
}

/** Result of reading a body with a size cap. */
export interface BodyText {
  text: string;
  bytes: number;
  /** True when the cap was reached and the rest was discarded. */
  capped: boolean;
}

/**
 * Reads a body as UTF-8 up to `maxBytes`, then stops reading and destroys the stream.
 * @throws TransportError when the body breaks off (reset, timeout).
 */
export async function readBody(
  body: AsyncIterable<Buffer> & { destroy?: () => void },
  maxBytes: number,
): Promise<BodyText> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of body) {
      const room = maxBytes - bytes;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        bytes += room;
        body.destroy?.();
        return { text: Buffer.concat(chunks).toString('utf8'), bytes, capped: true };
      }
      chunks.push(chunk);
      bytes += chunk.length;
    }
  } catch (error) {
    throw new TransportError(
      `the body broke off after ${bytes} bytes: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return { text: Buffer.concat(chunks).toString('utf8'), bytes, capped: false };
}
