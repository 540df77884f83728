// Optional breach check against the Pwned Passwords range API, with k-anonymity:
// only the first 5 hex characters of the password's SHA-1 leave the machine; the
// service answers with every known hash suffix under that prefix (padded with fake
// entries because we ask for padding), and the match happens here.
// Off by default: the command layer calls this only when the user asked (--online),
// after showing describePwnedRequest(). The fetch is injected so tests never touch
// the network.

import { createHash } from 'node:crypto';

export const PWNED_RANGE_URL = 'https://api.pwnedpasswords.com/range/';

/** The part of fetch this module uses. */
export type FetchLike = (
  url: string,
  init: { method: 'GET'; headers: Record<string, string>; signal?: AbortSignal },
) => Promise<{ readonly ok: boolean; readonly status: number; text(): Promise<string> }>;

export type PwnedErrorCode = 'network' | 'timeout' | 'http' | 'bad-response';

export type PwnedResult = { readonly count: number } | { readonly error: PwnedErrorCode; readonly status?: number };

export interface PwnedRequest {
  /** The first 5 hex characters (upper case) of the SHA-1: all that is sent. */
  readonly prefix: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

function sha1Hex(password: string): string {
  return createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
}

/** Exactly what checkPwned would send for this password, to show the user first. */
export function describePwnedRequest(password: string): PwnedRequest {
  const prefix = sha1Hex(password).slice(0, 5);
  return { prefix, url: PWNED_RANGE_URL + prefix, headers: { 'Add-Padding': 'true' } };
}

const LINE = /^([0-9A-F]{35}):(\d+)$/i;

/**
 * How many times the password appears in known breaches (0: not found), or an error
 * code when the check could not be done. Never throws, never returns the password or
 * its hash.
 */
export async function checkPwned(
  password: string,
  fetchImpl: FetchLike,
  options: { timeoutMs?: number } = {},
): Promise<PwnedResult> {
  const hash = sha1Hex(password);
  const suffix = hash.slice(5);
  const request = describePwnedRequest(password);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 10_000);
  let body: string;
  try {
    const response = await fetchImpl(request.url, { method: 'GET', headers: { ...request.headers }, signal: controller.signal });
    if (!response.ok) return { error: 'http', status: response.status };
    body = await response.text();
  } catch {
    return { error: controller.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
  let valid = 0;
  let count = 0;
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = LINE.exec(line);
    if (!m) return { error: 'bad-response' };
    valid += 1;
    if ((m[1] as string).toUpperCase() === suffix) count = Number(m[2]);
  }
  if (valid === 0) return { error: 'bad-response' };
  return { count };
}
