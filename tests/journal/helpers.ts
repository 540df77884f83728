// Shared set-up for the journal tests: contexts whose stdin carries a passphrase
// (as `--passphrase-stdin` reads it), and a quick way to add records.
import type { PassThrough } from 'node:stream';
import { expect } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { addRecord } from '../../src/commands/journal-add.js';
import { KDF_MINIMUM } from '../../src/crypto/passphrase-keys.js';
import { SafestepError } from '../../src/errors.js';
import { testContext } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

export const PASS = 'rain over Tbilisi at noon';

export type MemoryIO = ReturnType<typeof memoryIO>;

/** A non-interactive context whose standard input holds `input` and then ends. */
export async function stdinContext(dataDir: string, input: string, lang: 'en' | 'ru' = 'en'): Promise<AppContext & { io: MemoryIO }> {
  const io = memoryIO();
  (io.stdin as PassThrough).end(input);
  return (await testContext({ io, lang, lessonDirs: [], dataDir })) as AppContext & { io: MemoryIO };
}

/** Adds a record the way a script would: passphrase line, then the record as JSON. */
export async function addViaStdin(dataDir: string, record: Record<string, string>, attach: string[] = [], passphrase = PASS): Promise<AppContext & { io: MemoryIO }> {
  const ctx = await stdinContext(dataDir, `${passphrase}\n${JSON.stringify(record)}`);
  expect(await addRecord(ctx, { attach, passphraseStdin: true }, undefined, { cost: KDF_MINIMUM })).toBe(0);
  return ctx;
}

/** Runs a command that should fail and returns its SafestepError. */
export async function refusal(run: Promise<unknown>): Promise<SafestepError> {
  try {
    await run;
  } catch (err) {
    if (err instanceof SafestepError) return err;
    throw err;
  }
  throw new Error('expected the command to be refused');
}
