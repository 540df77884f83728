// The helpers every check relies on: the real command runner and the message formatting.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCheckContext, createCommandRunner, systemPath } from '../../src/check-kit/context.js';
import { readHead } from '../../src/check-kit/files.js';
import { describeFinding, fillPlaceholders, formatMessage, maskEmail, statusFromFindings, tildify } from '../../src/check-kit/format.js';
import { put, tempDir } from './helpers.js';

const node = process.execPath;

describe('command runner', () => {
  const run = createCommandRunner();

  it('returns output and exit codes', async () => {
    const ok = await run(node, ['-e', 'process.stdout.write("out"); process.stderr.write("err")']);
    expect(ok).toEqual({ code: 0, stdout: 'out', stderr: 'err', timedOut: false });
    const failed = await run(node, ['-e', 'process.exit(3)']);
    expect(failed).toMatchObject({ code: 3, timedOut: false });
  });

  it('never uses a shell: arguments arrive as they are', async () => {
    const result = await run(node, ['-e', 'console.log(process.argv[1])', '$(echo injected); rm -rf /tmp/x']);
    expect(result.stdout.trim()).toBe('$(echo injected); rm -rf /tmp/x');
  });

  it('reports a missing program as not found', async () => {
    const result = await run('safestep-no-such-program-xyz', ['--version']);
    expect(result).toMatchObject({ code: null, notFound: true, timedOut: false });
  });

  it('stops a program at its timeout', async () => {
    const result = await run(node, ['-e', 'setTimeout(() => {}, 10000)'], { timeoutMs: 200 });
    expect(result.timedOut).toBe(true);
  });

  it('closes stdin, so nothing can wait for input, and runs in the C locale', async () => {
    const eof = await run(node, ['-e', 'process.stdin.on("end", () => console.log("eof")).resume()'], { timeoutMs: 5000 });
    expect(eof).toMatchObject({ stdout: 'eof\n', timedOut: false });
    const locale = await run(node, ['-e', 'console.log(process.env.LC_ALL)']);
    expect(locale.stdout.trim()).toBe('C');
  });

  it('builds a real context with overridable parts and resolves system paths under the root', () => {
    const ctx = createCheckContext({ home: '/home/test', root: '/tmp/fakeroot', paths: ['a'] });
    expect(ctx).toMatchObject({ home: '/home/test', root: '/tmp/fakeroot', paths: ['a'], platform: process.platform });
    expect(systemPath(ctx, '/etc/ssl/certs')).toBe(path.join('/tmp/fakeroot', 'etc/ssl/certs'));
  });
});

describe('files', () => {
  it('reads only the head of a file', async () => {
    const file = put(tempDir(), 'big', 'x'.repeat(10_000));
    expect((await readHead(file, 100)).length).toBe(100);
    expect((await readHead(file, 1_000_000)).length).toBe(10_000);
  });
});

describe('message formatting', () => {
  it('shows the home folder as ~ only at a path boundary', () => {
    expect(tildify('/home/anna/.ssh/id_rsa and /home/anna', '/home/anna')).toBe('~/.ssh/id_rsa and ~');
    expect(tildify('/home/annabel/x', '/home/anna')).toBe('/home/annabel/x');
    expect(tildify('C:\\Users\\Anna\\.ssh\\id', 'c:\\users\\anna')).toBe('~\\.ssh\\id');
    expect(tildify('/x', '/')).toBe('/x');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fillPlaceholders('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(fillPlaceholders('{constructor}', {})).toBe('{constructor}');
  });

  it('strips control and bidi characters from data, never from the template', () => {
    const meta = { id: 'x', messages: { name: 'x', table: { m: { en: 'File: {path}', ru: 'Файл: {path}' } } } };
    expect(formatMessage(meta, 'm', 'en', { path: '/home/anna/\u001b[31mred\u202e.txt' }, '/home/anna')).toBe('File: ~/[31mred.txt');
    expect(formatMessage(meta, 'm', 'ru', { path: '/p' })).toBe('Файл: /p');
    expect(formatMessage(meta, 'missing', 'en')).toBe('x: missing');
  });

  it('describes a finding with its fix, lessons and a ~ path', () => {
    const meta = { id: 'x', messages: { name: 'x', table: { m: { en: 'At {path}', ru: 'В {path}' }, f: { en: 'chmod 600 {path}', ru: 'chmod 600 {path}' } } } };
    const text = describeFinding(meta, { message: 'm', fix: 'f', severity: 'high', data: { path: '/home/a/k' }, path: '/home/a/k', lessons: ['l'] }, 'en', '/home/a');
    expect(text).toEqual({ severity: 'high', message: 'At ~/k', fix: 'chmod 600 ~/k', lessons: ['l'], path: '~/k' });
  });

  it('derives a status from findings and masks addresses', () => {
    expect(statusFromFindings([])).toBe('pass');
    expect(statusFromFindings([{ message: 'm', severity: 'info' }])).toBe('pass');
    expect(statusFromFindings([{ message: 'm', severity: 'low' }])).toBe('warn');
    expect(statusFromFindings([{ message: 'm', severity: 'low' }, { message: 'm', severity: 'high' }])).toBe('fail');
    expect(maskEmail('anna.k@mail.ru')).toBe('a…@mail.ru');
    expect(maskEmail('nope')).toBe('…');
  });
});
