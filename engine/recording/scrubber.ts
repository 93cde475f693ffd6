import type { Credentials } from '../profile/credentials.ts';

/** What a scrubber must hide. */
export interface ScrubSecrets {
  /** The run's users, main first: their usernames, passwords and Basic tokens. */
  users: Credentials[];
  /** The profile's `scrub` regular expressions (further values to hide). */
  patterns: string[];
}

/** A credential a response carried (a target that echoes a password is worth a look). */
export interface CredentialEcho {
  kind: 'password' | 'basic-token';
  where: string;
}

/** True for a value the scrubber wrote: `[username-1]`, `[session-2]`. */
export function isPlaceholder(value: string): boolean {
  return /^\[[a-z][a-z-]*-\d+\]$/.test(value.trim());
}

const SECRET_FORM_FIELDS = /^(username|password|user_login|passwd)$/i;
const SESSION_COOKIE = /(QualysSession=)([^;,\s]+)/g;
const BASIC = /(authorization["']?\s*[:=]\s*["']?basic\s+)([A-Za-z0-9+/=]{4,})/gi;
const USER_LOGIN = /(<USER_LOGIN>)(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))(<\/USER_LOGIN>)/g;
const MAP_KEY =
  /(<KEY\s+value="(USERNAME|COMPANY)"\s*>)(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))(<\/KEY>)/g;

/**
 * Replaces secrets with stable placeholders before anything is written: the same value always
 * gets the same placeholder (`[username-1]`, `[password-1]`, `[session-1]`, `[company-1]`,
 * `[scrubbed-1]`), so correlations survive. Placeholders use brackets, not angle brackets, so
 * XML stays well-formed and CSV fields stay whole.
 * Hides: the users' usernames, passwords and Basic tokens (plain, URL-encoded, base64)
 * anywhere; QualysSession cookies; Basic Authorization values; username/password form fields;
 * SIMPLE_RETURN USER_LOGIN; map HEADER KEY USERNAME and COMPANY; the profile's patterns.
 */
export class Scrubber {
  readonly #placeholders = new Map<string, string>();
  readonly #counters = new Map<string, number>();
  /** Literal values replaced anywhere, longest first, with whether they are credentials. */
  readonly #literals: {
    value: string;
    placeholder: string;
    credential?: CredentialEcho['kind'];
  }[] = [];
  readonly #patterns: RegExp[];
  /** Passwords and tokens found in answers (the recording holds placeholders instead). */
  readonly echoes: CredentialEcho[] = [];

  /** The credentials given, in the forms a scan searches for (never written anywhere). */
  readonly credentials: readonly string[];

  constructor(secrets: ScrubSecrets) {
    this.credentials = secrets.users.flatMap((u) => [
      u.username,
      u.password,
      Buffer.from(`${u.username}:${u.password}`).toString('base64'),
    ]);
    for (const user of secrets.users) {
      const username = this.placeholder('username', user.username);
      const password = this.placeholder('password', user.password);
      const token = Buffer.from(`${user.username}:${user.password}`).toString('base64');
      const tokenPlaceholder = this.placeholder('basic-token', token);
      this.#literal(user.username, username);
      this.#literal(user.password, password, 'password');
      this.#literal(Buffer.from(user.password).toString('base64'), password, 'password');
      this.#literal(token, tokenPlaceholder, 'basic-token');
    }
    this.#literals.sort((a, b) => b.value.length - a.value.length);
    this.#patterns = secrets.patterns.map((p) => new RegExp(p, 'g'));
  }

  /** The placeholder of `value` of this kind, made on first use. */
  placeholder(kind: string, value: string): string {
    const known = this.#placeholders.get(value);
    if (known !== undefined) return known;
    const n = (this.#counters.get(kind) ?? 0) + 1;
    this.#counters.set(kind, n);
    const made = `[${kind}-${n}]`;
    this.#placeholders.set(value, made);
    return made;
  }

  /**
   * Scrubs a text (a body, a header value, a parameter value).
   * @param where names the text in echoes (`response body of …`); omit for request text
   */
  text(input: string, where?: string): string {
    let out = input;
    for (const literal of this.#literals) {
      if (!out.includes(literal.value)) continue;
      out = out.split(literal.value).join(literal.placeholder);
      if (where !== undefined && literal.credential !== undefined) {
        this.echoes.push({ kind: literal.credential, where });
      }
    }
    out = out.replace(SESSION_COOKIE, (_m, name: string, value: string) =>
      isPlaceholder(value) ? `${name}${value}` : `${name}${this.placeholder('session', value)}`,
    );
    out = out.replace(BASIC, (_m, scheme: string, value: string) =>
      isPlaceholder(value)
        ? `${scheme}${value}`
        : `${scheme}${this.placeholder('basic-token', value)}`,
    );
    out = out.replace(USER_LOGIN, (...m: string[]) =>
      this.#element(m[1] ?? '', m[2], m[3], m[4] ?? '', 'username'),
    );
    out = out.replace(MAP_KEY, (...m: string[]) => {
      const kind = m[2] === 'COMPANY' ? 'company' : 'username';
      return this.#element(m[1] ?? '', m[3], m[4], m[5] ?? '', kind);
    });
    for (const pattern of this.#patterns) {
      out = out.replace(pattern, (match) =>
        isPlaceholder(match) || match === '' ? match : this.placeholder('scrubbed', match),
      );
    }
    return out;
  }

  /** Scrubs request parameters: username and password fields whole, other values as text. */
  params(params: [string, string][]): [string, string][] {
    return params.map(([name, value]) => [
      name,
      SECRET_FORM_FIELDS.test(name) && !isPlaceholder(value)
        ? this.placeholder(/pass/i.test(name) ? 'password' : 'username', value)
        : this.text(value),
    ]);
  }

  /** Scrubs header values (Authorization, cookies, and anything holding a secret). */
  headers(
    headers: Record<string, string | string[] | undefined>,
    where?: string,
  ): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      if (name.toLowerCase() === 'authorization') {
        const text = Array.isArray(value) ? value.join(', ') : value;
        out[name] = isPlaceholder(text) ? text : this.placeholder('authorization', text);
        continue;
      }
      out[name] = Array.isArray(value)
        ? value.map((v) => this.text(v, where))
        : this.text(value, where);
    }
    return out;
  }

  /** Scrubs the literal secrets out of raw bytes (a binary head); patterns do not apply. */
  bytes(input: Buffer, where?: string): Buffer {
    let text = input.toString('latin1');
    for (const literal of this.#literals) {
      const raw = Buffer.from(literal.value, 'utf8').toString('latin1');
      if (!text.includes(raw)) continue;
      text = text.split(raw).join(literal.placeholder);
      if (where !== undefined && literal.credential !== undefined) {
        this.echoes.push({ kind: literal.credential, where });
      }
    }
    return Buffer.from(text, 'latin1');
  }

  /** Scrubs every string inside a JSON value (a summarizer's output). */
  json(value: unknown, where?: string): unknown {
    if (typeof value === 'string') return this.text(value, where);
    if (Array.isArray(value)) return value.map((v) => this.json(v, where));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [this.text(k, where), this.json(v, where)]),
      );
    }
    return value;
  }

  #literal(value: string, placeholder: string, credential?: CredentialEcho['kind']): void {
    if (value.length < 3) return; // shorter values would scrub ordinary text
    for (const form of new Set([value, encodeURIComponent(value)])) {
      this.#literals.push(
        credential === undefined
          ? { value: form, placeholder }
          : { value: form, placeholder, credential },
      );
    }
  }

  #element(
    open: string,
    cdata: string | undefined,
    plain: string | undefined,
    close: string,
    kind: string,
  ): string {
    const value = cdata ?? plain ?? '';
    if (value.trim() === '' || isPlaceholder(value))
      return `${open}${cdata === undefined ? value : `<![CDATA[${value}]]>`}${close}`;
    const placeholder = this.placeholder(kind, value);
    return `${open}${cdata === undefined ? placeholder : `<![CDATA[${placeholder}]]>`}${close}`;
  }
}
