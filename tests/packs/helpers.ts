// Shared set-up for the pack tests: keys, lesson folders and packs built in temp
// folders, and a way to take a pack file apart to tamper with it.
import type { PassThrough } from 'node:stream';
import { expect } from 'vitest';
import { buildPack } from '../../src/commands/pack-build.js';
import { keygen } from '../../src/commands/pack-keygen.js';
import type { AppContext } from '../../src/context.js';
import { SafestepError } from '../../src/errors.js';
import { KDF_MINIMUM } from '../../src/crypto/passphrase-keys.js';
import { MAGIC } from '../../src/packs/container.js';
import { sampleLesson, sampleTranslation, tempDir, testContext, writeLesson } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';
import path from 'node:path';

export const KEY_PASS = 'trainer key passphrase';

export type MemoryIO = ReturnType<typeof memoryIO>;
export type TestCtx = AppContext & { io: MemoryIO };

export async function quietContext(dataDir: string, stdin = '', lessonDirs: string[] = [], lang: 'en' | 'ru' = 'en'): Promise<TestCtx> {
  const io = memoryIO();
  (io.stdin as PassThrough).end(stdin);
  return (await testContext({ io, lang, lessonDirs, dataDir })) as TestCtx;
}

/** A signing key made by `pack keygen`; returns its file and the fingerprint block it printed. */
export async function makeKey(dir = tempDir(), passphrase = KEY_PASS): Promise<{ file: string; printed: string }> {
  const file = path.join(dir, 'signing-key.json');
  const ctx = await quietContext(tempDir(), passphrase + '\n');
  expect(await keygen(ctx, { out: file, passphraseStdin: true }, undefined, KDF_MINIMUM)).toBe(0);
  const printed = /\n( {2}\d{5}(?: {2}\d{5}){3}\n {2}\d{5}(?: {2}\d{5}){3})\n/.exec(ctx.io.out())?.[1];
  expect(printed).toBeDefined();
  return { file, printed: printed! };
}

/** A folder of two valid lessons (one with a Russian translation), laid out topic/id/lesson.yaml. */
export function lessonsFolder(name = 'tbilisi-workshop'): string {
  const root = path.join(tempDir(), name);
  writeLesson(root, sampleLesson('pack-lesson-one'), sampleTranslation('pack-lesson-one'));
  writeLesson(root, { ...sampleLesson('pack-lesson-two'), version: 5 }, undefined, 'devices');
  return root;
}

export async function build(dir: string, out: string, keyFile?: string, extra: { id?: string; name?: string } = {}, now?: Date): Promise<TestCtx> {
  const ctx = await quietContext(tempDir(), KEY_PASS + '\n');
  if (now) ctx.now = () => now;
  const opts = keyFile ? { out, key: keyFile, passphraseStdin: true, ...extra } : { out, unsigned: true, ...extra };
  expect(await buildPack(ctx, dir, opts)).toBe(0);
  return ctx;
}

export interface PackParts {
  manifestStart: number;
  manifest: Buffer;
  signatureStart: number;
  signature: Buffer;
  bodyStart: number;
}

export function partsOf(pack: Buffer): PackParts {
  const manifestLength = pack.readUInt32BE(MAGIC.length);
  const manifestStart = MAGIC.length + 4;
  const signatureStart = manifestStart + manifestLength + 4;
  const signatureLength = pack.readUInt32BE(manifestStart + manifestLength);
  return {
    manifestStart,
    manifest: pack.subarray(manifestStart, manifestStart + manifestLength),
    signatureStart,
    signature: pack.subarray(signatureStart, signatureStart + signatureLength),
    bodyStart: signatureStart + signatureLength,
  };
}

export async function refusal(run: Promise<unknown>): Promise<SafestepError> {
  try {
    await run;
  } catch (err) {
    if (err instanceof SafestepError) return err;
    throw err;
  }
  throw new Error('expected the command to be refused');
}
