// After `kill -9` during `journal add`, temporary files stay behind: `journal
// verify` must name them and the next write must remove them. An edited key
// setting in the journal header must read as damage, not as a wrong passphrase.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../src/commands/journal-verify.js';
import { CryptoFailure, KDF_MINIMUM } from '../../src/crypto/passphrase-keys.js';
import { journalFailure } from '../../src/journal/session.js';
import { Journal } from '../../src/journal/store.js';
import type { SafestepError } from '../../src/errors.js';
import { tempDir } from '../helpers/fixtures.js';
import { addViaStdin, PASS, stdinContext } from './helpers.js';

const record = { what: 'A threat by message', time: '2026-11-01', channel: 'sms' };
/** Larger than any pid Linux hands out: `kill(pid, 0)` says no such process. */
const DEAD = 99999999;

async function openError(dataDir: string, passphrase = PASS): Promise<CryptoFailure> {
  try {
    await Journal.open(dataDir, passphrase, { cost: KDF_MINIMUM });
  } catch (err) {
    if (err instanceof CryptoFailure) return err;
    throw err;
  }
  throw new Error('expected the journal not to open');
}

function editHeader(file: string, from: string, to: string): void {
  const data = readFileSync(file);
  const at = data.indexOf(from);
  expect(at).toBeGreaterThan(0);
  expect(to.length).toBe(from.length); // the header length field stays right
  data.write(to, at, 'latin1');
  writeFileSync(file, data);
}

describe('journal: leftovers of an interrupted save', () => {
  it('are named by verify (still exit 0) and removed by the next add; a save still running is left alone', async () => {
    const dataDir = tempDir();
    const attach = path.join(tempDir(), 'photo.jpg');
    writeFileSync(attach, 'x'.repeat(3000));
    await addViaStdin(dataDir, record, [attach]);
    const dir = path.join(dataDir, 'journal');
    const dead = [path.join(dir, `.journal.enc.${DEAD}-0123456789ab.tmp`), path.join(dir, 'files', `.${'a'.repeat(32)}.enc.${DEAD}-0123456789ab.tmp`), path.join(dir, '.journal.enc.0123456789ab.tmp')];
    for (const f of dead) writeFileSync(f, 'y'.repeat(1000));
    const live = path.join(dir, 'files', `.${'b'.repeat(32)}.enc.${process.pid}-0123456789ab.tmp`);
    writeFileSync(live, 'still being written');

    const verify = await stdinContext(dataDir, PASS + '\n');
    expect(await verifyJournal(verify, { passphraseStdin: true })).toBe(0);
    const out = verify.io.out().replace(/\s+/g, ' ');
    expect(out).toContain('An interrupted save left 3 temporary files (2.9 KB)');
    expect(out).toContain('the next safestep journal add removes them');

    await addViaStdin(dataDir, record);
    for (const f of dead) expect(existsSync(f), f).toBe(false);
    expect(existsSync(live)).toBe(true);
    const again = await stdinContext(dataDir, PASS + '\n');
    await verifyJournal(again, { passphraseStdin: true });
    expect(again.io.out()).not.toContain('temporary file');
  }, 60_000);
});

describe('journal: an edited key setting in the header', () => {
  it('reads as damage, with or without attachments, while a wrong passphrase still reads as wrong', async () => {
    for (const withAttachment of [false, true]) {
      const dataDir = tempDir();
      const attach = path.join(tempDir(), 'photo.jpg');
      writeFileSync(attach, 'evidence');
      await addViaStdin(dataDir, record, withAttachment ? [attach] : []);
      expect((await openError(dataDir, 'not the passphrase at all')).kind).toBe('wrong-passphrase');

      const index = path.join(dataDir, 'journal', 'journal.enc');
      editHeader(index, '"N":32768', '"N":65536');
      const err = await openError(dataDir);
      expect(err.kind).toBe('corrupted');
      const shown = journalFailure((await stdinContext(dataDir, '')) as never, err) as SafestepError;
      expect(shown.message).toContain('damaged');
      expect(shown.message).not.toContain('Wrong passphrase');
    }
  }, 60_000);

  it('a work factor below what safestep ever writes is damage too', async () => {
    const dataDir = tempDir();
    await addViaStdin(dataDir, record);
    editHeader(path.join(dataDir, 'journal', 'journal.enc'), '"N":32768', '"N":16384');
    expect((await openError(dataDir)).kind).toBe('corrupted');
  }, 60_000);
});
