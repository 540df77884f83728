// A crash between writing the new journal to its temp file and renaming it into
// place must leave the old journal whole. node:fs/promises is wrapped so that the
// rename of journal.enc can be made to "crash": the temp file is written and
// flushed by the real writeFileAtomic, then the process "dies" before the rename.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { addRecord } from '../../src/commands/journal-add.js';
import { listRecords } from '../../src/commands/journal-list.js';
import { verifyJournal } from '../../src/commands/journal-verify.js';
import { journalDir } from '../../src/journal/store.js';
import { tempDir } from '../helpers/fixtures.js';
import { addViaStdin, PASS, stdinContext } from './helpers.js';

const crash = vi.hoisted(() => ({ armed: false, leftovers: [] as string[] }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const rename: typeof actual.rename = async (from, to) => {
    if (crash.armed && String(to).endsWith('journal.enc')) {
      // Keep a copy of the flushed temp file, as a real crash would leave it behind.
      const leftover = `${String(from)}.crashed`;
      await actual.copyFile(from, leftover);
      crash.leftovers.push(leftover);
      throw Object.assign(new Error('simulated power cut'), { code: 'EIO' });
    }
    return actual.rename(from, to);
  };
  return { ...actual, rename, default: { ...actual, rename } };
});

describe('journal: interrupted write', () => {
  it('keeps the old journal readable when a save is cut off before the rename', async () => {
    const dataDir = tempDir();
    const photo = path.join(tempDir(), 'photo.jpg');
    writeFileSync(photo, 'JPEG bytes of the evidence');
    await addViaStdin(dataDir, { what: 'The first incident' });
    const index = path.join(journalDir(dataDir), 'journal.enc');
    const before = readFileSync(index);

    crash.armed = true;
    const ctx = await stdinContext(dataDir, `${PASS}\n${JSON.stringify({ what: 'The second incident' })}`);
    await expect(addRecord(ctx, { attach: [photo], passphraseStdin: true }, undefined)).rejects.toThrow('simulated power cut');
    crash.armed = false;

    // The temp file really was written (and is bigger: it holds two records), but the journal is the old one.
    expect(crash.leftovers).toHaveLength(1);
    expect(readFileSync(crash.leftovers[0]!).length).toBeGreaterThan(before.length - 1);
    expect(readFileSync(index).equals(before)).toBe(true);
    // A half-written temp file lying around does not confuse anything either.
    writeFileSync(path.join(journalDir(dataDir), '.journal.enc.deadbeef0000.tmp'), before.subarray(0, 40));

    const list = await stdinContext(dataDir, PASS + '\n');
    expect(await listRecords(list, { passphraseStdin: true })).toBe(0);
    expect(list.io.out()).toContain('The first incident');
    expect(list.io.out()).not.toContain('The second incident');
    // The sealed copy of the attachment of the record that was not saved is cleaned up: no orphans.
    const verify = await stdinContext(dataDir, PASS + '\n');
    expect(await verifyJournal(verify, { passphraseStdin: true })).toBe(0);
    expect(verify.io.out()).not.toContain('belong to no record');
    expect(readdirSync(path.join(journalDir(dataDir), 'files'))).toEqual([]);

    // And the next save works normally.
    await addViaStdin(dataDir, { what: 'The second incident, again' }, [photo]);
    const after = await stdinContext(dataDir, PASS + '\n');
    expect(await listRecords(after, { passphraseStdin: true })).toBe(0);
    expect(after.io.out()).toContain('The journal has 2 records:');
  });
});
