// The exit-code contract, over every registered command: usage errors exit 2
// with one line in the person's language, help exits 0 and fits 80 columns,
// and a missing input file is an input error (2), never "something went wrong".
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { COMMANDS } from '../../src/commands/index.js';
import type { AnySpec } from '../../src/commands/spec.js';
import { tempDir } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

async function cli(args: string[], lang: 'en' | 'ru' = 'en') {
  const io = memoryIO();
  let out = '';
  let err = '';
  const dataDir = tempDir();
  const code = await run(args, {
    io,
    lang,
    env: { SAFESTEP_HOME: dataDir, HOME: tempDir(), LANG: lang === 'ru' ? 'ru_RU.UTF-8' : 'en_US.UTF-8' },
    paths: { dataDir, lessonDirs: [] },
    writeOut: (s) => void (out += s),
    writeErr: (s) => void (err += s),
  });
  return { code, out: io.out() + out, err: io.err() + err };
}

const runnable = COMMANDS.filter((c) => c.load).map((c) => c.spec);

/** Just enough to get past commander's own checks: the required arguments and options. */
function minimal(spec: AnySpec): string[] {
  const words = spec.name.split(' ');
  for (const a of spec.args) if (a.kind === 'required') words.push('x');
  for (const o of Object.values(spec.options)) if (o.kind === 'value' && o.required) words.push(o.flags.split(' ')[0]!, path.join(tempDir(), 'out'));
  return words;
}

const cyrillic = /[а-яё]/i;

describe.each(['en', 'ru'] as const)('every command, in %s', (lang) => {
  it.each(runnable.map((s) => [s.name, s] as const))('%s: an unknown option exits 2 with one clear line', async (_name, spec) => {
    const r = await cli([...minimal(spec), '--no-such-option'], lang);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(/^safestep: .*--no-such-option/);
    expect(r.err).not.toMatch(/^error:|at .*\.js:\d+/m);
    if (lang === 'ru') expect(r.err.split('\n')[0]).toMatch(cyrillic);
  });

  it.each(runnable.map((s) => [s.name, s] as const))('%s --help exits 0 and fits 80 columns', async (_name, spec) => {
    const r = await cli([...spec.name.split(' '), '--help'], lang);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.filter((l) => [...l].length > 80)).toEqual([]);
    if (lang === 'ru') {
      expect(r.out).toContain('Использование:');
      expect(r.out).not.toMatch(/\((default|choices):/);
    }
  });

  const withRequired = runnable.filter((s) => s.args.some((a) => a.kind === 'required'));
  it.each(withRequired.map((s) => [s.name, s] as const))('%s: a missing argument exits 2', async (_name, spec) => {
    const r = await cli(spec.name.split(' '), lang);
    expect(r.code).toBe(2);
    if (lang === 'ru') expect(r.err.split('\n')[0]).toMatch(cyrillic);
  });

  const noList = runnable.filter((s) => !s.args.some((a) => a.kind === 'list'));
  it.each(noList.map((s) => [s.name, s] as const))('%s: an extra argument exits 2', async (_name, spec) => {
    const r = await cli([...minimal(spec), 'extra-1', 'extra-2', 'extra-3'], lang);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(/^safestep: /);
    if (lang === 'ru') expect(r.err.split('\n')[0]).toMatch(cyrillic);
  });

  const withChoices = runnable.flatMap((s) => Object.values(s.options).filter((o) => o.kind === 'choice').map((o) => [`${s.name} ${o.flags.split(' ')[0]}`, s, o.flags.split(' ')[0]!] as const));
  it.each(withChoices)('%s: a value that is not a choice exits 2', async (_name, spec, flag) => {
    const r = await cli([...minimal(spec), flag, 'no-such-choice'], lang);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no-such-choice');
    if (lang === 'ru') expect(r.err.split('\n')[0]).toMatch(cyrillic);
  });
});

describe('input files that cannot be read', () => {
  const missing = (): string => path.join(tempDir(), 'missing.file');
  it.each([
    ['progress import', () => ['progress', 'import', missing()]],
    ['pack verify', () => ['pack', 'verify', missing()]],
    ['pack install', () => ['pack', 'install', missing()]],
    ['workshop check', () => ['workshop', 'check', missing()]],
    ['workshop run', () => ['workshop', 'run', missing()]],
    ['lesson preview', () => ['lesson', 'preview', missing()]],
    ['check passwords --from', () => ['check', 'passwords', '--from', missing()]],
  ])('%s: exit 2 and one line naming the file', async (_name, argv) => {
    const args = argv();
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing.file');
    expect(r.err).not.toMatch(/something went wrong|at .*\.js:\d+/);
  });

  it('an unknown language exits 2', async () => {
    const r = await cli(['--lang', 'de', 'lessons']);
    expect(r.code).toBe(2);
  });

  it('--lang en+ru is refused where a command does not take both languages', async () => {
    const r = await cli(['--lang', 'en+ru', 'lessons']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('safestep export');
  });
});
