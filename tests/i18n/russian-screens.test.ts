// No English on Russian screens: key screens run with --lang ru, and any run
// of two or more Latin words must be a command, an id, a path, a name quoted
// in «», a source title (cited as published), or a brand name on the list
// below. A new English phrase on a Russian screen fails here with the screen
// that showed it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli.js';
import { tempDir } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const LESSONS = path.join(ROOT, 'lessons');

/** Names of products, organisations and features, written as their owners write them. */
const NAMES = [
  'Access Now', 'Citizen Lab', 'Telegram Desktop', 'Telegram Desktop UWP', 'Desktop UWP', 'Google Drive', 'Google Authenticator', 'Google Pixel',
  'Apple Account', 'Apple Pay', 'App Store', 'Mac App', 'Mac App Store', 'Microsoft Store', 'Proton Mail', 'Ente Auth', 'Android WhatsApp',
  'Huawei AppGallery', 'Samsung Galaxy Store', 'Bank of Georgia', 'Liberty Bank', 'Bank of Cyprus', 'American Express', 'Western Union',
  'VFS Global', 'Freedom House', 'Amnesty International', 'Coalition Against Stalkerware', 'Consumer Reports', 'Razom for Ukraine',
  'Mental Health UK', 'Financial System Mediator', 'Centar Srce', 'Qaznet Trust Network', 'Russian Trusted Root CA', 'Russian Trusted Sub CA',
  'Information Security Certification Authority', 'Advanced Protection', 'Bedtime mode', 'merchant ID', 'merchant ID Stripe',
  'Doing What Matters in Times of Stress', 'River of Phish', 'Cao Tan Thang', 'Face ID', 'Touch ID',
  // interpol.int's own menu, and the Commission's postal address
  'Who we are', 'How to submit a', 'How to submit a request', 'quai Charles de Gaulle',
];
/** Programs whose command lines may appear in advice. */
const PROGRAMS = new Set(['safestep', 'node', 'npx', 'sudo', 'gsettings', 'fdesetup', 'defaults', 'manage-bde', 'reg', 'security', 'openssl', 'npm',
  // read-only adb shell commands the phone check lists in --explain
  'adb', 'pm', 'dumpsys', 'settings', 'appops', 'getprop', 'which']);

/** Runs of two or more Latin words that are not allowed, after removing what may stay as written. */
function englishRuns(screen: string): string[] {
  const text = screen
    .replace(/\nИсточники \(названия[^\n]*\n[\s\S]*?\n\n/g, '\n') // source titles are cited as published
    .replace(/«[^»]*»/g, ''); // quoted names (a certificate, a menu item), even across a wrapped line
  const runs: string[] = [];
  for (const m of text.matchAll(/(?<![\w/.\\@-])[A-Za-z][A-Za-z’']*(?: [A-Za-z][A-Za-z’']*)+(?![\w/.@-])/g)) {
    const run = m[0];
    if (PROGRAMS.has(run.split(' ')[0]!)) continue;
    if (NAMES.some((n) => n === run || n.includes(run))) continue;
    runs.push(run);
  }
  return runs;
}

async function screen(args: string[]): Promise<string> {
  const io = memoryIO();
  const dataDir = tempDir();
  let err = '';
  await run(['--lang', 'ru', ...args], { io, env: { SAFESTEP_HOME: dataDir, HOME: tempDir() }, paths: { dataDir, lessonDirs: [LESSONS] }, writeErr: (s) => void (err += s), writeOut: (s) => void (err += s) });
  return io.out() + io.err() + err;
}

describe('Russian screens', () => {
  it('finds English where it should not be (the detector itself)', () => {
    expect(englishRuns('Прогресс сохранён. [input is masked]')).toEqual(['input is masked']);
    expect(englishRuns('Продолжить: safestep learn telegram-account-lock')).toEqual([]);
    expect(englishRuns('Удалите: sudo rm /usr/local/share/ca-certificates/x.crt')).toEqual([]);
    expect(englishRuns('Пишите в Access Now Digital Security Helpline')).toEqual(['Access Now Digital Security Helpline']);
    expect(englishRuns('Сертификат «Russian Trusted Root CA» и Telegram Desktop')).toEqual([]);
    expect(englishRuns('Размер: 1203 B')).toEqual([]); // one letter is a unit, checked elsewhere
  });

  const commands: string[][] = [
    ['--help'],
    ['lessons'],
    ['contacts'],
    ['check'],
    ['check', 'passwords', '--explain'],
    ['audit', '--explain'],
    ['audit', '--help'],
    ['passphrase'],
    ['progress'],
    ['journal', 'list'],
    ['learn', 'telegram-acount-lock'],
    ['progress', 'reset', 'no-such-lesson'],
    ['contacts', '--country', 'XX'],
  ];
  for (const args of commands) {
    it(`safestep --lang ru ${args.join(' ')}`, async () => {
      const out = await screen(args);
      expect(out.trim().length).toBeGreaterThan(0);
      expect(englishRuns(out)).toEqual([]);
    });
  }

  it('a full lesson preview in Russian', async () => {
    expect(englishRuns(await screen(['lesson', 'preview', 'telegram-account-lock']))).toEqual([]);
  });

  // Every Russian lesson text, read straight from the translations (a preview of each would take seconds).
  it('every Russian lesson translation', () => {
    const files = readdirSync(LESSONS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((topic) => readdirSync(path.join(LESSONS, topic.name)).map((id) => path.join(LESSONS, topic.name, id, 'lesson.ru.yaml')))
      .filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThan(20);
    const problems: string[] = [];
    const walk = (value: unknown, where: string): void => {
      if (typeof value === 'string') for (const r of englishRuns(value)) problems.push(`${where}: ${r}`);
      else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
    };
    for (const file of files) walk(parse(readFileSync(file, 'utf8')), path.relative(LESSONS, file));
    expect(problems).toEqual([]);
  });
});
