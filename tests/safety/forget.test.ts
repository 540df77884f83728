// `safestep forget`: what it removes, what it leaves (files it did not write,
// the journal and key unless confirmed), and that it is calm on a half-written
// folder and when run twice.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { forgetEverything } from '../../src/commands/forget.js';
import { homeMenu } from '../../src/commands/home.js';
import { learnLesson } from '../../src/commands/learn.js';
import { takeInventory } from '../../src/forget/inventory.js';
import { shredFile } from '../../src/fsutil/shred.js';
import { inquirerPrompter } from '../../src/prompter.js';
import { sampleLesson, tempDir, testContext, writeLesson } from '../helpers/fixtures.js';
import { fakeTerminal, KEY, memoryIO } from '../helpers/terminal.js';

/** A data folder as a crash could leave it: every kind of file, some half-written, plus the person's own files. */
function messyDataFolder(): string {
  const dir = path.join(tempDir(), 'data');
  const put = (rel: string, text = '{}'): void => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  put('settings.json', '{"lang":"ru"}');
  put('progress.json', '{"format":1,"lessons":{}}');
  put('progress.json.corrupt-2026-11-27T10-00-00-000Z', '{not json');
  put('plan.json', '{"format":1,"answers":{"trip":["russia"]}}');
  put('plan.enc', 'SAFESTEP-ENC 1\n');
  put('audit-history.jsonl', '{}\n');
  put('.progress.json.99999999-0123456789ab.tmp', '{"form');
  put('cache/lesson-index.json');
  put('cache/.lesson-index.json.1-aaaaaaaaaaaa.tmp');
  put('workshops/0123456789abcdef.json', '{"slide":3}');
  put('packs/signers.json');
  put('packs/team-pack/pack.json');
  put('packs/team-pack/lessons/devices/x/lesson.yaml', 'id: x');
  put('packs/.staging-team-pack-abcdef123456/lessons/devices/x/lesson.yaml', 'id: x');
  put('keys/pack-signing-key.json', 'sealed');
  put('journal/journal.enc', 'sealed');
  put('journal/files/0123456789abcdef0123456789abcdef.enc', 'sealed');
  put('journal/files/.0123456789abcdef0123456789abcdef.enc.99999999-0123456789ab.tmp', 'half');
  // Not safestep's: must stay.
  put('my-notes.txt', 'mine');
  put('cache/other-tool.db', 'not ours');
  return dir;
}

async function cli(dataDir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO();
  let err = '';
  const code = await run(args, { io, lang: 'en', env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [] }, writeErr: (s) => void (err += s) });
  return { code, out: io.out().replace(/\s+/g, ' '), err: io.err() + err };
}

describe('safestep forget --yes', () => {
  it('removes every file safestep wrote, even half-written ones, and leaves the rest', async () => {
    const dir = messyDataFolder();
    const before = await takeInventory(dir);
    expect(before.others.map((o) => path.relative(dir, o)).sort()).toEqual([path.join('cache', 'other-tool.db'), 'my-notes.txt']);
    const r = await cli(dir, ['forget', '--yes']);
    expect(r.code, r.err).toBe(0);
    const left: string[] = [];
    const walk = (d: string): void => {
      for (const name of readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, name.name);
        if (name.isDirectory()) walk(full);
        else left.push(path.relative(dir, full));
      }
    };
    walk(dir);
    expect(left.sort()).toEqual([path.join('cache', 'other-tool.db'), 'my-notes.txt']);
    expect(readFileSync(path.join(dir, 'my-notes.txt'), 'utf8')).toBe('mine');
    expect(r.out).toContain('2 files in');
    expect(r.out).toContain('were not made by safestep and were left alone');
    // What remains, each with a next step.
    for (const text of ['What safestep cannot remove', 'npm uninstall -g safestep', 'history', 'Backups', 'full-disk encryption', 'close it']) expect(r.out).toContain(text);
  });

  it('is calm on a second run and when there is no data folder at all', async () => {
    const dir = messyDataFolder();
    expect((await cli(dir, ['forget', '--yes'])).code).toBe(0);
    const again = await cli(dir, ['forget', '--yes']);
    expect(again.code).toBe(0);
    expect(again.out).not.toContain('Removed:');
    const none = await cli(path.join(tempDir(), 'never-made'), ['forget', '--yes']);
    expect(none.code).toBe(0);
    expect(none.out).toContain('safestep keeps nothing on this computer now.');
  });

  it('keeps the journal with --keep-journal and the key with --keep-key', async () => {
    const dir = messyDataFolder();
    const r = await cli(dir, ['forget', '--yes', '--keep-journal', '--keep-key']);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'journal', 'journal.enc'))).toBe(true);
    expect(existsSync(path.join(dir, 'keys', 'pack-signing-key.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'progress.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'packs'))).toBe(false);
    expect(r.out).toContain('Kept, as you asked: your incident journal (encrypted), your pack signing key (encrypted).');
  });

  it('needs --yes without a terminal, and says so in one line', async () => {
    const dir = messyDataFolder();
    const r = await cli(dir, ['forget']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--yes');
    expect(existsSync(path.join(dir, 'progress.json'))).toBe(true);
  });
});

describe('safestep forget, asked in a terminal', () => {
  it('lists what is kept, asks once for everything and separately for the journal and the key (both kept by default)', async () => {
    const dir = messyDataFolder();
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lang: 'ru', lessonDirs: [], dataDir: dir });
    const done = forgetEverything(ctx, {}, inquirerPrompter(term.io, ctx.t));
    await term.waitFor('какие уроки вы проходили');
    await term.answer('Удалить всё это сейчас', KEY.down, KEY.enter); // yes
    await term.answer('Удалить и журнал?', KEY.enter); // keep
    await term.answer('Удалить и ключ подписи?', KEY.down, KEY.enter); // delete
    expect(await done).toBe(0);
    expect(existsSync(path.join(dir, 'journal', 'journal.enc'))).toBe(true);
    expect(existsSync(path.join(dir, 'keys'))).toBe(false);
    expect(existsSync(path.join(dir, 'settings.json'))).toBe(false);
    expect(term.screen().replace(/\s+/g, ' ')).toContain('Оставлено по вашему выбору: журнал инцидентов (зашифрован).');
  });

  it('removes nothing when the person says no', async () => {
    const dir = messyDataFolder();
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lang: 'en', lessonDirs: [], dataDir: dir });
    const done = forgetEverything(ctx, {}, inquirerPrompter(term.io, ctx.t));
    await term.answer('Remove all of this now', KEY.enter);
    expect(await done).toBe(0);
    expect(term.screen()).toContain('Nothing was removed.');
    expect(existsSync(path.join(dir, 'progress.json'))).toBe(true);
  });

  it('is in the home menu', async () => {
    const dir = messyDataFolder();
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lang: 'en', lessonDirs: [], dataDir: dir });
    const menu = homeMenu(ctx, (c) => inquirerPrompter(c.io, c.t));
    await term.answer('What would you like to do?', KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter);
    await term.answer('Remove all of this now', KEY.enter); // no: back to the menu
    await term.answer('What would you like to do?', KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter);
    await term.answer('Remove all of this now', KEY.down, KEY.enter);
    await term.answer('Delete the journal too?', KEY.down, KEY.enter);
    await term.answer('Delete the signing key too?', KEY.down, KEY.enter);
    // Once everything is gone the menu ends, so nothing (not even the lesson index) is written again.
    expect(await menu).toBe(0);
    expect(term.screen()).toContain('Remove everything safestep keeps here (before a border crossing)');
    expect(term.screen()).toContain('Goodbye. Take care.');
    expect(readdirSync(dir).sort()).toEqual(['cache', 'my-notes.txt']);
    expect(readdirSync(path.join(dir, 'cache'))).toEqual(['other-tool.db']);
  });

  it('is offered at the end of the border lesson', async () => {
    const lessons = tempDir();
    const lesson = { ...sampleLesson('border-phone-inspection'), steps: [{ id: 'only', type: 'text', body: 'Before the trip.' }] };
    writeLesson(lessons, lesson, undefined, 'devices');
    const dir = messyDataFolder();
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lang: 'en', lessonDirs: [lessons], dataDir: dir });
    const prompter = inquirerPrompter(term.io, ctx.t);
    const done = learnLesson(ctx, 'border-phone-inspection', {}, () => prompter);
    await term.answer('Ready?', KEY.enter);
    await term.answer('Do it now?', KEY.down, KEY.enter);
    await term.answer('Remove all of this now', KEY.down, KEY.enter);
    await term.answer('Delete the journal too?', KEY.enter);
    await term.answer('Delete the signing key too?', KEY.enter);
    expect(await done).toBe('forgot');
    expect(term.screen()).toContain('Before a crossing you can remove everything safestep keeps');
    expect(existsSync(path.join(dir, 'progress.json'))).toBe(false);
  });
});

describe('shredding', () => {
  it('overwrites a file before it is unlinked, and a missing file is no error', async () => {
    const file = path.join(tempDir(), 'secret.json');
    writeFileSync(file, 'the answers');
    expect((await shredFile(file)).files).toBe(1);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(path.dirname(file))).toEqual([]);
    expect((await shredFile(file)).files).toBe(0);
  });
});
