import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPwned, describePwnedRequest, PWNED_RANGE_URL, type FetchLike } from '../../src/password/pwned.js';

const PASSWORD = 'gfhjkm1987';
const HASH = createHash('sha1').update(PASSWORD, 'utf8').digest('hex').toUpperCase();
const PREFIX = HASH.slice(0, 5);
const SUFFIX = HASH.slice(5);

interface Call {
  url: string;
  init: Parameters<FetchLike>[1];
}

function fakeFetch(body: string, status = 200): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return { ok: status >= 200 && status < 300, status, text: async () => body };
  };
  return { fetch, calls };
}

describe('checkPwned', () => {
  it('sends only the 5-character prefix, with padding requested', async () => {
    const { fetch, calls } = fakeFetch(`${'0'.repeat(35)}:0\r\n`);
    await checkPwned(PASSWORD, fetch);
    expect(calls).toHaveLength(1);
    const call = calls[0] as Call;
    expect(call.url).toBe(`${PWNED_RANGE_URL}${PREFIX}`);
    expect(call.init.method).toBe('GET');
    expect(call.init.headers).toEqual({ 'Add-Padding': 'true' });
    const sent = JSON.stringify({ url: call.url, headers: call.init.headers });
    expect(sent).not.toContain(PASSWORD);
    expect(sent).not.toContain(SUFFIX);
    expect(sent).not.toContain(HASH.slice(0, 6));
  });

  it('describes the request before it is made', () => {
    expect(describePwnedRequest(PASSWORD)).toEqual({ prefix: PREFIX, url: `${PWNED_RANGE_URL}${PREFIX}`, headers: { 'Add-Padding': 'true' } });
  });

  it('finds the suffix in the response (any case, CRLF, padding lines)', async () => {
    const body = [`${'A'.repeat(35)}:3`, `${SUFFIX.toLowerCase()}:4217`, `${'B'.repeat(35)}:0`].join('\r\n');
    expect(await checkPwned(PASSWORD, fakeFetch(body).fetch)).toEqual({ count: 4217 });
  });

  it('returns 0 when the suffix is absent', async () => {
    const body = [`${'A'.repeat(35)}:3`, `${'B'.repeat(35)}:0`].join('\n');
    expect(await checkPwned(PASSWORD, fakeFetch(body).fetch)).toEqual({ count: 0 });
  });

  it('fails soft on an HTTP error', async () => {
    expect(await checkPwned(PASSWORD, fakeFetch('rate limited', 429).fetch)).toEqual({ error: 'http', status: 429 });
  });

  it('fails soft when offline', async () => {
    const offline: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await checkPwned(PASSWORD, offline)).toEqual({ error: 'network' });
  });

  it('fails soft on a response that is not a hash list', async () => {
    expect(await checkPwned(PASSWORD, fakeFetch('<html>captive portal</html>').fetch)).toEqual({ error: 'bad-response' });
    expect(await checkPwned(PASSWORD, fakeFetch('').fetch)).toEqual({ error: 'bad-response' });
  });

  it('gives up after the timeout', async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      });
    expect(await checkPwned(PASSWORD, hanging, { timeoutMs: 20 })).toEqual({ error: 'timeout' });
  });
});
