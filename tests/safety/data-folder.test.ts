// A full scripted session in one data folder: settings, a plan from
// `start --answers -` (kept encrypted), progress, a signing key, a built and
// installed pack, a journal with an attachment, audit history, handouts and a
// progress export. Then the folder is searched and walked:
// - no question or answer id of the plan appears in any file in the clear;
// - no choice branch was written;
// - every folder is 0700 and every file 0600, in the data folder and in what
//   the session wrote elsewhere;
// and `safestep forget --yes` leaves nothing safestep wrote, twice in a row.
import type { PassThrough } from 'node:stream';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendHistory } from '../../src/audit/history.js';
import { run } from '../../src/cli.js';
import { writeSettings } from '../../src/settings.js';
import { sampleLesson, sampleTranslation, tempDir, writeLesson } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

const PASS = 'correct horse battery staple';
const ANSWERS = { country: 'kz', 'russian-sim': 'in-drawer', relatives: 'yes', public: 'yes', trip: 'russia', donations: 'yes', messengers: ['telegram', 'signal'] };
/** Ids of four letters or more: shorter ones ("kz", "yes") turn up by chance in encrypted bytes. */
const SECRETS = ['country', 'russian-sim', 'in-drawer', 'relatives', 'russian-employer', 'public', 'trip', 'russia', 'donations', 'messengers', 'telegram', 'signal'];

function walk(dir: string): { files: string[]; dirs: string[] } {
  const out = { files: [] as string[], dirs: [dir] };
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (lstatSync(full).isDirectory()) {
      const inner = walk(full);
      out.files.push(...inner.files);
      out.dirs.push(...inner.dirs);
    } else out.files.push(full);
  }
  return out;
}

function lessonsWithoutSecrets(): string {
  // Lessons whose text does not happen to contain the words searched for below.
  const root = path.join(tempDir(), 'workshop-lessons');
  const plain = (id: string): Record<string, unknown> => {
    const l = sampleLesson(id);
    return { ...l, steps: (l.steps as { type: string }[]).filter((s) => s.type !== 'check').map((s) => ({ ...s, next: undefined })) };
  };
  writeLesson(root, plain('first-lesson'), { ...sampleTranslation('first-lesson'), steps: {} });
  writeLesson(root, plain('second-lesson'), undefined, 'devices');
  return root;
}

async function cli(dataDir: string, lessonDirs: string[], args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO();
  (io.stdin as PassThrough).end(stdin);
  let err = '';
  const code = await run(args, { io, lang: 'en', env: { SAFESTEP_HOME: dataDir, HOME: tempDir() }, paths: { dataDir, lessonDirs }, writeErr: (s) => void (err += s) });
  return { code, out: io.out(), err: io.err() + err };
}

describe('a whole session leaves no answers in the clear and nothing readable by others', () => {
  it('plans, learns, signs, installs, journals, exports; then forget removes it all, twice', async () => {
    const dataDir = path.join(tempDir(), 'safestep-data');
    const lessons = lessonsWithoutSecrets();
    const elsewhere = tempDir();
    const ok = async (args: string[], stdin = ''): Promise<string> => {
      const r = await cli(dataDir, [lessons], args, stdin);
      expect(r.code, `${args.join(' ')}\n${r.err}`).toBe(0);
      return r.out;
    };

    await writeSettings(dataDir, { lang: 'ru' });
    // The plan: answers as JSON on standard input after the passphrase line, kept encrypted.
    const plan = await ok(['start', '--answers', '-', '--save', '--passphrase-stdin'], `${PASS}\n${JSON.stringify(ANSWERS)}`);
    expect(plan).toContain('saved encrypted');
    const shown = JSON.parse(await ok(['start', '--show', '--json', '--passphrase-stdin'], `${PASS}\n`)) as { answers: Record<string, string[]> };
    expect(shown.answers.trip).toEqual(['russia']);

    // Progress arrives with a choice branch and ticked items: neither may be written.
    const imported = path.join(elsewhere, 'progress-in.json');
    writeFileSync(imported, JSON.stringify({ format: 1, current: 'first-lesson', lessons: { 'first-lesson': { version: 2, updated: '2026-11-27T10:00:00.000Z', steps: { intro: { done: true, v: 2 }, todo: { done: true, v: 2, ticked: ['first'] }, fork: { done: true, v: 2, chose: 'right' } } } } }));
    await ok(['progress', 'import', imported]);
    await ok(['progress', 'export', path.join(elsewhere, 'progress-out.json')]);

    // A trainer's key, a signed pack built from the lessons, installed here.
    await ok(['pack', 'keygen', '--passphrase-stdin'], `${PASS}\n`);
    const packFile = path.join(elsewhere, 'built', 'workshop.pack');
    mkdirSync(path.dirname(packFile), { mode: 0o700 });
    await ok(['pack', 'build', lessons, '--out', packFile, '--key', path.join(dataDir, 'keys', 'pack-signing-key.json'), '--passphrase-stdin'], `${PASS}\n`);
    const otherLessons = path.join(tempDir(), 'other-pack');
    writeLesson(otherLessons, { ...sampleLesson('third-lesson'), steps: [{ id: 'only', type: 'text', body: 'Text.' }] });
    const packTwo = path.join(elsewhere, 'other.pack');
    await ok(['pack', 'build', otherLessons, '--out', packTwo, '--key', path.join(dataDir, 'keys', 'pack-signing-key.json'), '--passphrase-stdin'], `${PASS}\n`);
    await ok(['pack', 'install', packTwo, '--yes']);

    // The journal, with a file attached.
    const attachment = path.join(elsewhere, 'screenshot.png');
    writeFileSync(attachment, 'not really a png');
    await ok(['journal', 'add', '--attach', attachment, '--passphrase-stdin'], `${PASS}\n${JSON.stringify({ what: 'A threat by message', time: '2026-11-01', channel: 'sms' })}`);

    await appendHistory(dataDir, {
      version: 1,
      time: '2026-11-27T10:00:00.000Z',
      score: 80,
      platform: 'linux',
      statuses: { pass: 1, fail: 0, warn: 0, 'not-applicable': 0, error: 0 },
      findings: { high: 0, medium: 0, low: 0, info: 0 },
      checks: [{ id: 'firewall', status: 'pass', high: 0, medium: 0, low: 0 }],
    });
    await ok(['lessons']);
    await ok(['export', 'first-lesson', '--out', path.join(elsewhere, 'handouts', 'deep')]);
    await ok(['lesson', 'new', 'my-draft', '--topic', 'devices', '--dir', path.join(elsewhere, 'drafts')]);

    // 1. No answer in the clear, anywhere in the data folder.
    const { files, dirs } = walk(dataDir);
    expect(files.map((f) => path.relative(dataDir, f)).sort()).toEqual(
      expect.arrayContaining(['plan.enc', 'progress.json', 'settings.json', 'audit-history.jsonl', path.join('keys', 'pack-signing-key.json'), path.join('journal', 'journal.enc'), path.join('packs', 'other-pack', 'pack.json'), path.join('packs', 'signers.json')]),
    );
    expect(existsSync(path.join(dataDir, 'plan.json'))).toBe(false);
    const pattern = new RegExp(`(?<![\\w-])(${SECRETS.join('|')})(?![\\w-])`, 'i');
    for (const file of files) {
      const text = readFileSync(file).toString('latin1');
      const hit = pattern.exec(text);
      expect(hit ? `${path.relative(dataDir, file)}: ${hit[0]}` : null).toBeNull();
    }
    const progress = readFileSync(path.join(dataDir, 'progress.json'), 'utf8');
    expect(progress).toContain('"done": true');
    expect(progress).not.toMatch(/chose|"right"/);

    // 2. Folders 0700, files 0600: in the data folder and in what the session wrote elsewhere.
    const made = walk(elsewhere);
    const ours = [...made.files.filter((f) => !/progress-in\.json$|screenshot\.png$/.test(f)), ...files];
    for (const d of [...dirs, ...made.dirs.filter((d) => d !== elsewhere)]) expect(`${d} ${(statSync(d).mode & 0o777).toString(8)}`).toBe(`${d} 700`);
    for (const f of ours) expect(`${f} ${(statSync(f).mode & 0o777).toString(8)}`).toBe(`${f} 600`);

    // 3. forget --yes removes every file safestep wrote; a second run is calm too.
    const first = await cli(dataDir, [lessons], ['forget', '--yes']);
    expect(first.code, first.err).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
    expect(first.out).toContain('overwritten with zeros');
    const second = await cli(dataDir, [lessons], ['forget', '--yes']);
    expect(second.code).toBe(0);
    expect(second.out).toContain('safestep keeps nothing on this computer now.');
    expect(existsSync(dataDir)).toBe(false);
    chmodSync(elsewhere, 0o700);
  }, 120_000);
});
