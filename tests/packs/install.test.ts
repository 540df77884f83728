import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../src/commands/pack-build.js';
import { installPack } from '../../src/commands/pack-install.js';
import packList from '../../src/commands/pack-list.js';
import packRemove from '../../src/commands/pack-remove.js';
import { loadCatalog } from '../../src/lesson/catalog.js';
import { encodePack, sha256, type PackFile } from '../../src/packs/container.js';
import { fingerprint } from '../../src/packs/fingerprint.js';
import { installedLessonDirs } from '../../src/packs/index.js';
import type { Manifest } from '../../src/packs/manifest.js';
import { newKeyPair, type KeyPair } from '../../src/packs/signing.js';
import { inquirerPrompter } from '../../src/prompter.js';
import { sampleLesson, SCHEMA_COMMENT, tempDir, testContext, writeLesson } from '../helpers/fixtures.js';
import { fakeTerminal, KEY } from '../helpers/terminal.js';
import { build, lessonsFolder, makeKey, quietContext, refusal } from './helpers.js';
import { packIndicatorSets } from '../../src/commands/shared/phone-indicators.js';

async function signedPack(name = 'tbilisi-workshop', key?: { file: string }): Promise<{ file: string; key: { file: string; printed: string } }> {
  const k = key ?? (await makeKey());
  const file = path.join(tempDir(), `${name}.pack`);
  await build(lessonsFolder(name), file, k.file);
  return { file, key: k as { file: string; printed: string } };
}

/** A pack assembled by hand, to try what `pack build` would never produce. */
function craftedPack(files: PackFile[], pair: KeyPair | null, lessons: Manifest['lessons'], id = 'crafted'): Buffer {
  const manifest: Manifest = {
    format: 1,
    id,
    name: 'Crafted',
    created: '2026-11-27T10:00:00.000Z',
    signer: pair ? { algorithm: 'ed25519', publicKey: pair.publicKey.toString('hex') } : null,
    lessons,
    files: files.map((f) => ({ path: f.path, size: f.data.length, sha256: sha256(f.data) })),
  };
  return encodePack(manifest, files, pair?.seed);
}

function trustedKeys(dataDir: string): string[] {
  const file = path.join(dataDir, 'packs', 'signers.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).signers.map((s: { fingerprint: string }) => s.fingerprint) : [];
}

describe('pack install', () => {
  it('needs the signer confirmed (or --yes), installs atomically, remembers the signer, and the lessons appear', async () => {
    const { file } = await signedPack();
    const dataDir = tempDir();
    const noTerminal = await quietContext(dataDir);
    const err = await refusal(installPack(noTerminal, file, {}));
    expect(err.message).toContain('The signer is new on this computer');
    expect(err.hint).toContain('--yes');
    expect(existsSync(path.join(dataDir, 'packs', 'tbilisi-workshop'))).toBe(false);
    expect(trustedKeys(dataDir)).toEqual([]);

    const ctx = await quietContext(dataDir);
    expect(await installPack(ctx, file, { yes: true })).toBe(0);
    expect(ctx.io.out()).toContain('Installed the pack tbilisi-workshop (tbilisi-workshop).');
    expect(ctx.io.out()).toContain('This signer is now trusted on this computer.');
    const lessonsDir = path.join(dataDir, 'packs', 'tbilisi-workshop', 'lessons');
    expect(installedLessonDirs(dataDir)).toEqual([lessonsDir]);
    expect(readFileSync(path.join(lessonsDir, 'communications', 'pack-lesson-one', 'lesson.ru.yaml'), 'utf8')).toContain('Пробный урок');
    const catalog = await loadCatalog(installedLessonDirs(dataDir), dataDir, ctx.t);
    expect(catalog.lessons.map((l) => l.id).sort()).toEqual(['pack-lesson-one', 'pack-lesson-two']);
    expect(readdirSync(path.join(dataDir, 'packs')).sort()).toEqual(['signers.json', 'tbilisi-workshop']);

    // The signer is remembered: installing again needs no confirmation, and replaces the old copy.
    const again = await quietContext(dataDir);
    expect(await installPack(again, file, {})).toBe(0);
    expect(again.io.out()).toContain('You already trust this signer on this computer.');
    expect(again.io.out()).toContain('It replaces the copy of this pack installed before.');
    expect(readdirSync(path.join(dataDir, 'packs')).sort()).toEqual(['signers.json', 'tbilisi-workshop']);
  });

  it('asks in the terminal whether to trust a new signer, defaulting to no', async () => {
    const { file, key } = await signedPack();
    const dataDir = tempDir();
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lessonDirs: [], dataDir });
    const declined = installPack(ctx, file, {}, inquirerPrompter(term.io, ctx.t));
    await term.answer('Trust this signer?', KEY.enter);
    expect(await declined).toBe(1);
    expect(term.screen()).toContain(key.printed);
    expect(existsSync(path.join(dataDir, 'packs', 'tbilisi-workshop'))).toBe(false);

    const accepted = installPack(ctx, file, {}, inquirerPrompter(term.io, ctx.t));
    await term.answer('Trust this signer?', KEY.down, KEY.enter);
    expect(await accepted).toBe(0);
    expect(trustedKeys(dataDir)).toHaveLength(1);
    expect(trustedKeys(dataDir)[0]).toBe(key.printed.trim().split(/\s+/).join(' '));
  });

  it('refuses tampered and truncated packs before writing anything', async () => {
    const { file } = await signedPack();
    const data = readFileSync(file);
    const dataDir = tempDir();
    const changed = Buffer.from(data);
    changed[changed.length - 30] = changed[changed.length - 30]! ^ 0x20;
    for (const bad of [changed, data.subarray(0, data.length - 200)]) {
      writeFileSync(file, bad);
      const ctx = await quietContext(dataDir);
      const err = await refusal(installPack(ctx, file, { yes: true, allowUnsigned: true }));
      expect(err.exitCode).toBe(1);
      expect(err.hint).toContain('Do not install it');
      expect(existsSync(path.join(dataDir, 'packs'))).toBe(false);
    }
  });

  it('installs an unsigned pack only with --allow-unsigned', async () => {
    const file = path.join(tempDir(), 'unsigned.pack');
    await build(lessonsFolder('loose-pack'), file);
    const dataDir = tempDir();
    const err = await refusal(installPack(await quietContext(dataDir), file, { yes: true }));
    expect(err.message).toBe('This pack is not signed, so it was not installed.');
    expect(err.hint).toContain('--allow-unsigned');
    const ctx = await quietContext(dataDir);
    expect(await installPack(ctx, file, { allowUnsigned: true })).toBe(0);
    expect(installedLessonDirs(dataDir)).toHaveLength(1);
    const list = await quietContext(dataDir);
    expect(await packList(list, {})).toBe(0);
    expect(list.io.out()).toContain('not signed');
  });

  it('refuses a pack with the same id from another signer', async () => {
    const dataDir = tempDir();
    const first = await signedPack('workshop');
    expect(await installPack(await quietContext(dataDir), first.file, { yes: true })).toBe(0);
    const other = await signedPack('workshop');
    const ctx = await quietContext(dataDir);
    const err = await refusal(installPack(ctx, other.file, { yes: true }));
    expect(err.message).toBe('A pack with the id workshop is already installed, from a different signer. The new one was not installed.');
    expect(trustedKeys(dataDir)).toHaveLength(1);
  });

  it('keeps a newer installed copy when an older, validly signed pack is offered', async () => {
    const key = await makeKey();
    const folder = lessonsFolder('workshop');
    const newer = path.join(tempDir(), 'newer.pack');
    const older = path.join(tempDir(), 'older.pack');
    await build(folder, older, key.file, {}, new Date('2026-11-01T09:00:00Z'));
    await build(folder, newer, key.file, {}, new Date('2026-11-20T09:00:00Z'));
    const dataDir = tempDir();
    expect(await installPack(await quietContext(dataDir), newer, { yes: true })).toBe(0);
    const err = await refusal(installPack(await quietContext(dataDir), older, {}));
    expect(err.message).toBe('The copy of workshop installed here is newer (made 2026-11-20 09:00 UTC) than this pack (made 2026-11-01 09:00 UTC); it was kept.');
    expect(JSON.parse(readFileSync(path.join(dataDir, 'packs', 'workshop', 'pack.json'), 'utf8')).manifest.created).toBe('2026-11-20T09:00:00.000Z');
  });

  it('refuses a pack whose lesson would stand in for a lesson already here', async () => {
    const shipped = tempDir();
    writeLesson(shipped, sampleLesson('pack-lesson-one'));
    const { file } = await signedPack();
    const dataDir = tempDir();
    const ctx = await quietContext(dataDir, '', [shipped]);
    const err = await refusal(installPack(ctx, file, { yes: true }));
    expect(err.message).toContain('The pack’s lesson pack-lesson-one has the same id as a lesson already here');
    expect(installedLessonDirs(dataDir)).toEqual([]);
    expect(trustedKeys(dataDir)).toEqual([]);
  });

  it('never writes outside its folder, even for a correctly signed pack', async () => {
    const pair = newKeyPair();
    const lesson = Buffer.from(SCHEMA_COMMENT + stringify(sampleLesson('evil')));
    const dataDir = tempDir();
    for (const bad of ['../../evil/lesson.yaml', '/tmp/evil/lesson.yaml', 'a\\..\\evil/lesson.yaml', 'C:/evil/lesson.yaml', 'topic/evil/run.sh', 'Topic/evil/lesson.yaml', 'topic/con/lesson.yaml']) {
      const file = path.join(tempDir(), 'evil.pack');
      writeFileSync(file, craftedPack([{ path: bad, data: lesson }], pair, [{ id: 'evil', version: 2, path: bad }]));
      const err = await refusal(installPack(await quietContext(dataDir), file, { yes: true }));
      expect(err.message).toContain('The pack’s table of contents (manifest) is invalid');
      expect(err.message).toContain('unsafe path');
    }
    expect(existsSync(path.join(dataDir, 'packs'))).toBe(false);
    expect(existsSync(path.join(path.dirname(dataDir), 'evil'))).toBe(false);
  });

  it('validates installed lessons like shipped ones, even in a signed pack', async () => {
    const pair = newKeyPair();
    const bad = sampleLesson('bad-lesson');
    bad.steps = [{ id: 'only', type: 'text', body: 'Follow this link', next: 'nowhere' }];
    const entry = 'communications/bad-lesson/lesson.yaml';
    const file = path.join(tempDir(), 'bad.pack');
    writeFileSync(file, craftedPack([{ path: entry, data: Buffer.from(stringify(bad)) }], pair, [{ id: 'bad-lesson', version: 2, path: entry }]));
    const dataDir = tempDir();
    const ctx = await quietContext(dataDir);
    const err = await refusal(installPack(ctx, file, { yes: true }));
    expect(err.message).toContain('nothing was installed');
    expect(ctx.io.out()).toMatch(/communications\/bad-lesson\/lesson\.yaml:\d+:\d+: unknown-target/);
    expect(readdirSync(path.join(dataDir, 'packs'))).toEqual([]);
    expect(trustedKeys(dataDir)).toEqual([]);

    // And a manifest that lies about a lesson's version is caught too.
    const good = Buffer.from(SCHEMA_COMMENT + stringify(sampleLesson('good-lesson')));
    const goodEntry = 'communications/good-lesson/lesson.yaml';
    writeFileSync(file, craftedPack([{ path: goodEntry, data: good }], pair, [{ id: 'good-lesson', version: 9, path: goodEntry }]));
    const lie = await refusal(installPack(await quietContext(dataDir), file, { yes: true }));
    expect(lie.message).toContain('do not match its table of contents');
  });
});

describe('phone indicator sets in packs', () => {
  it('pack build takes indicators/*.json beside the lessons, install keeps them, and the phone check reads them from the trusted pack', async () => {
    const folder = lessonsFolder('indicator-update');
    const set = { format: 'safestep-phone-indicators', version: 1, id: 'state-spyware', source: 'Trainer update', date: '2099-01-01', families: [{ name: 'NewSpy', type: 'spyware', packages: ['com.newspy.agent'] }] };
    writeFileSync(path.join(folder, 'indicators.json'), '{}'); // not in indicators/: left out
    const dir = path.join(folder, 'indicators');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'update.json'), JSON.stringify(set));
    const key = await makeKey();
    const file = path.join(tempDir(), 'indicator-update.pack');
    await build(folder, file, key.file);
    const dataDir = tempDir();
    expect(await installPack(await quietContext(dataDir), file, { yes: true })).toBe(0);
    const found = await packIndicatorSets(dataDir);
    expect(found.problems).toEqual([]);
    expect(found.sets.map((s) => [s.pack, s.file, s.set.families[0]?.name])).toEqual([['indicator-update', 'indicators/update.json', 'NewSpy']]);
  });

  it('pack build refuses an indicator set that is not valid', async () => {
    const folder = lessonsFolder('bad-indicators');
    mkdirSync(path.join(folder, 'indicators'));
    writeFileSync(path.join(folder, 'indicators', 'update.json'), JSON.stringify({ format: 'safestep-phone-indicators', version: 1, id: 'x', source: 'S', date: '2099-01-01', families: [{ name: 'N', type: 'spyware', packages: ['not a package'] }] }));
    const ctx = await quietContext(tempDir());
    const err = await refusal(buildPack(ctx, folder, { out: path.join(tempDir(), 'x.pack'), unsigned: true }));
    expect(err.message).toContain('update.json is not a valid phone indicator set (families[0].packages[0])');
  });
});

describe('pack list and remove', () => {
  it('lists packs with signer fingerprint and lessons, and removes them', async () => {
    const { file, key } = await signedPack();
    const dataDir = tempDir();
    expect(await installPack(await quietContext(dataDir), file, { yes: true })).toBe(0);
    const list = await quietContext(dataDir);
    expect(await packList(list, {})).toBe(0);
    const fp = key.printed.trim().split(/\s+/).join(' ');
    expect(list.io.out()).toContain('tbilisi-workshop  tbilisi-workshop');
    expect(list.io.out()).toContain(`signer: ${fp} (trusted)`);
    expect(list.io.out()).toContain('lessons: pack-lesson-one (v2), pack-lesson-two (v5)');
    const json = await quietContext(dataDir);
    expect(await packList(json, { json: true })).toBe(0);
    const parsed = JSON.parse(json.io.out());
    expect(parsed.packs[0].signer).toMatchObject({ fingerprint: fp, trusted: true });
    expect(fingerprint(Buffer.from(parsed.packs[0].signer.publicKey, 'hex'))).toBe(fp);

    const ru = await quietContext(dataDir, '', [], 'ru');
    expect(await packRemove(ru, 'tbilisi-workshop')).toBe(0);
    expect(ru.io.out()).toContain('Пакет tbilisi-workshop удалён.');
    expect(installedLessonDirs(dataDir)).toEqual([]);
    expect(readdirSync(path.join(dataDir, 'packs'))).toEqual(['signers.json']);
    const none = await quietContext(dataDir);
    expect(await packList(none, {})).toBe(0);
    expect(none.io.out()).toBe('No lesson packs are installed.\n');
    expect((await refusal(packRemove(await quietContext(dataDir), 'tbilisi-workshop'))).message).toBe('No pack with the id tbilisi-workshop is installed.');
    expect((await refusal(packRemove(await quietContext(dataDir), '../journal'))).message).toContain('is not a pack id');
  });
});

