import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../src/commands/pack-build.js';
import { keygen } from '../../src/commands/pack-keygen.js';
import packVerify from '../../src/commands/pack-verify.js';
import { KDF_MINIMUM } from '../../src/crypto/passphrase-keys.js';
import { fingerprint, fingerprintGroups } from '../../src/packs/fingerprint.js';
import { readKeyFile, unlockKeyFile } from '../../src/packs/keyfile.js';
import { newKeyPair } from '../../src/packs/signing.js';
import { inquirerPrompter } from '../../src/prompter.js';
import { sampleLesson, tempDir, testContext, writeLesson } from '../helpers/fixtures.js';
import { fakeTerminal, KEY } from '../helpers/terminal.js';
import { build, KEY_PASS, lessonsFolder, makeKey, partsOf, quietContext, refusal } from './helpers.js';

describe('pack keygen', () => {
  it('writes an encrypted key file readable only by its owner, and prints a fingerprint to read aloud', async () => {
    const { file, printed } = await makeKey();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { publicKey } = await readKeyFile(file);
    expect(printed).toBe(`  ${fingerprintGroups(publicKey).slice(0, 4).join('  ')}\n  ${fingerprintGroups(publicKey).slice(4).join('  ')}`);
    const pair = await unlockKeyFile(file, KEY_PASS);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(pair.seed.toString('hex'));
    expect(text).not.toContain(pair.seed.toString('base64'));
    await expect(unlockKeyFile(file, 'not the passphrase')).rejects.toMatchObject({ kind: 'wrong-passphrase' });

    // Never overwritten.
    const before = readFileSync(file);
    const again = await quietContext(tempDir(), KEY_PASS + '\n');
    expect((await refusal(keygen(again, { out: file, passphraseStdin: true }, undefined, KDF_MINIMUM))).message).toContain('it was not replaced');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('asks for the passphrase twice with hidden prompts, in Russian too', async () => {
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lang: 'ru', lessonDirs: [], dataDir: tempDir() });
    const out = path.join(tempDir(), 'key.json');
    const done = keygen(ctx, { out }, inquirerPrompter(term.io, ctx.t), KDF_MINIMUM);
    await term.answer('Парольная фраза для ключа подписи:', 'первая фраза ключа', KEY.enter);
    await term.answer('Введите ту же фразу ещё раз:', 'другая фраза ключа', KEY.enter);
    await term.waitFor('Введённые фразы не совпали');
    await term.answer('Парольная фраза для ключа подписи:', 'первая фраза ключа', KEY.enter);
    await term.answer('Введите ту же фразу ещё раз:', 'первая фраза ключа', KEY.enter);
    expect(await done).toBe(0);
    expect(term.screen()).toContain('Ключ подписи сохранён');
    expect(term.screen()).not.toContain('первая фраза');
    expect((await unlockKeyFile(out, 'первая фраза ключа')).publicKey.length).toBe(32);
  });

  it('gives 8 groups of 5 digits that change with the key', () => {
    const a = newKeyPair().publicKey;
    const b = newKeyPair().publicKey;
    expect(fingerprint(a)).toMatch(/^\d{5}( \d{5}){7}$/);
    expect(fingerprint(a)).toBe(fingerprint(Buffer.from(a)));
    expect(fingerprint(a)).not.toBe(fingerprint(b));
  });
});

describe('pack build and verify', () => {
  it('builds a signed pack that verifies, showing the same fingerprint keygen printed', async () => {
    const key = await makeKey();
    const out = path.join(tempDir(), 'workshop.safestep-pack');
    const built = await build(lessonsFolder(), out, key.file, { name: 'Tbilisi workshop, November' });
    expect(built.io.out()).toContain(key.printed);
    expect(built.io.out()).not.toContain(KEY_PASS);
    const ctx = await quietContext(tempDir());
    expect(await packVerify(ctx, out)).toBe(0);
    const text = ctx.io.out();
    expect(text).toContain('Pack: Tbilisi workshop, November (tbilisi-workshop)');
    expect(text).toContain(key.printed);
    expect(text).toContain('pack-lesson-one, version 2');
    expect(text).toContain('pack-lesson-two, version 5');
    expect(text).toContain('This signer is new on this computer.');
    expect(text).toContain('The pack is intact');
    // The manifest lists every file with its size and SHA-256, and the lessons with their versions.
    const manifest = JSON.parse(partsOf(readFileSync(out)).manifest.toString('utf8'));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([
      'communications/pack-lesson-one/lesson.ru.yaml',
      'communications/pack-lesson-one/lesson.yaml',
      'devices/pack-lesson-two/lesson.yaml',
    ]);
    expect(manifest.files[0]).toMatchObject({ size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(manifest.lessons).toEqual([
      { id: 'pack-lesson-one', version: 2, path: 'communications/pack-lesson-one/lesson.yaml' },
      { id: 'pack-lesson-two', version: 5, path: 'devices/pack-lesson-two/lesson.yaml' },
    ]);
  });

  it('says which lessons are still drafts, since people who install the pack will not see them', async () => {
    const root = lessonsFolder();
    writeLesson(root, { ...sampleLesson('pack-draft'), draft: true }, undefined, 'devices');
    const built = await build(root, path.join(tempDir(), 'pack'));
    expect(built.io.err().replace(/\s+/g, ' ')).toContain('will not see them in their lesson list: pack-draft.');
    expect(built.io.err()).not.toContain('pack-lesson-one');
    const clean = await build(lessonsFolder(), path.join(tempDir(), 'pack'));
    expect(clean.io.err()).not.toContain('draft');
  });

  it('refuses to build a pack from lessons with errors, pointing at the author’s file', async () => {
    const root = lessonsFolder();
    const broken = sampleLesson('broken-lesson');
    (broken.steps as Record<string, unknown>[])[1] = { id: 'quiz-one', type: 'quiz', prompt: 'No right answer', choices: [{ id: 'a', label: 'A', explain: 'x' }, { id: 'b', label: 'B', explain: 'y' }] };
    const file = writeLesson(root, broken);
    const key = await makeKey();
    const out = path.join(tempDir(), 'pack');
    const ctx = await quietContext(tempDir(), KEY_PASS + '\n');
    const err = await refusal(buildPack(ctx, root, { out, key: key.file, passphraseStdin: true }));
    expect(err.message).toBe('The pack was not built.');
    expect(err.exitCode).toBe(1);
    expect(ctx.io.out()).toMatch(new RegExp(`(^|\\n)(${file}|${path.relative(process.cwd(), file)}):\\d+:\\d+: quiz-answers:`));
    expect(existsSync(out)).toBe(false);
  });

  it('refuses symbolic links, and lessons outside topic/id folders', async () => {
    const root = lessonsFolder();
    symlinkSync('/etc/passwd', path.join(root, 'communications', 'pack-lesson-one', 'lesson.en.yaml'));
    const ctx = await quietContext(tempDir());
    const err = await refusal(buildPack(ctx, root, { out: path.join(tempDir(), 'p'), unsigned: true }));
    expect(err.message).toContain('is a symbolic link');

    const flat = tempDir();
    mkdirSync(path.join(flat, 'Topic', 'pack-lesson-one'), { recursive: true });
    writeLesson(flat, sampleLesson('pack-lesson-one'), undefined, 'Topic');
    const err2 = await refusal(buildPack(await quietContext(tempDir()), flat, { out: path.join(tempDir(), 'p'), unsigned: true, id: 'x' }));
    expect(err2.message).toContain('lower-case names');
  });

  it('refuses a wrong key passphrase or a file that is not a key, and writes nothing', async () => {
    const key = await makeKey();
    const out = path.join(tempDir(), 'pack');
    const ctx = await quietContext(tempDir(), 'wrong passphrase\n');
    const err = await refusal(buildPack(ctx, lessonsFolder(), { out, key: key.file, passphraseStdin: true }));
    expect(err.message).toContain('Wrong passphrase for the signing key');
    const notKey = path.join(tempDir(), 'notes.json');
    writeFileSync(notKey, '{"hello": 1}');
    const err2 = await refusal(buildPack(await quietContext(tempDir(), KEY_PASS + '\n'), lessonsFolder(), { out, key: notKey, passphraseStdin: true }));
    expect(err2.message).toContain('is not a safestep pack signing key');
    expect((await refusal(buildPack(await quietContext(tempDir()), lessonsFolder(), { out }))).message).toContain('--key <key file>, or --unsigned');
    expect(existsSync(out)).toBe(false);
  });
});

describe('tampered packs are refused with a clear reason', () => {
  async function signedPack(): Promise<{ file: string; data: Buffer }> {
    const key = await makeKey();
    const file = path.join(tempDir(), 'workshop.pack');
    await build(lessonsFolder(), file, key.file);
    return { file, data: readFileSync(file) };
  }

  async function verifyFails(data: Buffer): Promise<string> {
    const file = path.join(tempDir(), 'tampered.pack');
    writeFileSync(file, data);
    const err = await refusal(packVerify(await quietContext(tempDir()), file));
    expect(err.exitCode).toBe(1);
    return err.message;
  }

  it('a changed lesson file', async () => {
    const { data } = await signedPack();
    const text = data.toString('latin1');
    const at = text.lastIndexOf('Right path.');
    const changed = Buffer.from(data);
    changed.write('Wrong path.', at, 'latin1');
    expect(await verifyFails(changed)).toBe(
      'The file devices/pack-lesson-two/lesson.yaml was changed after the pack was made: its SHA-256 does not match the signed table of contents.',
    );
  });

  it('a changed manifest', async () => {
    const { data } = await signedPack();
    const { manifestStart, manifest } = partsOf(data);
    const changed = Buffer.from(data);
    const at = manifest.indexOf('"version":5');
    changed.write('"version":6', manifestStart + at, 'latin1');
    expect(await verifyFails(changed)).toContain('The signature does not match');
    // Re-hashing a changed file into the manifest does not help either.
    const rehashed = Buffer.from(data);
    const sha = /"sha256":"([0-9a-f]{64})"/.exec(manifest.toString())![1]!;
    rehashed.write(sha.replace(/^./, (c) => (c === '0' ? '1' : '0')), manifestStart + manifest.indexOf(sha), 'latin1');
    expect(await verifyFails(rehashed)).toContain('The signature does not match');
  });

  it('a wrong key: the manifest names another signer', async () => {
    const { data } = await signedPack();
    const { manifestStart, manifest } = partsOf(data);
    const current = /"publicKey":"([0-9a-f]{64})"/.exec(manifest.toString())![1]!;
    const other = newKeyPair().publicKey.toString('hex');
    const changed = Buffer.from(data);
    changed.write(other, manifestStart + manifest.indexOf(current), 'latin1');
    expect(await verifyFails(changed)).toContain('or it was not signed by the key it names');
  });

  it('a truncated pack, wherever it is cut', async () => {
    const { data } = await signedPack();
    const { manifestStart, bodyStart } = partsOf(data);
    for (const length of [data.length - 1, bodyStart + 100, manifestStart + 50, 17]) {
      expect(await verifyFails(data.subarray(0, length))).toMatch(/^The pack is incomplete \(cut short\): it should be at least \d+ bytes, but it is \d+\./);
    }
    expect(await verifyFails(data.subarray(0, 8))).toContain('is not a safestep lesson pack');
    expect(await verifyFails(Buffer.concat([data, Buffer.from('x')]))).toBe('The pack has 1 extra byte at the end: something was added to it after it was made.');
  });

  it('a removed signature, and an unsigned pack', async () => {
    const { data } = await signedPack();
    const { signatureStart, signature, bodyStart } = partsOf(data);
    const stripped = Buffer.concat([data.subarray(0, signatureStart - 4), Buffer.alloc(4), data.subarray(bodyStart)]);
    expect(signature.length).toBe(64);
    expect(await verifyFails(stripped)).toBe('The pack names a signer, but its signature has been removed.');

    const out = path.join(tempDir(), 'unsigned.pack');
    await build(lessonsFolder(), out);
    const ctx = await quietContext(tempDir());
    expect(await packVerify(ctx, out)).toBe(1);
    expect(ctx.io.out()).toContain('Not signed: nobody can tell who made this pack');
  });
});
