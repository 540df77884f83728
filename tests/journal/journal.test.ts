import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import journalAdd, { addRecord } from '../../src/commands/journal-add.js';
import { exportJournal } from '../../src/commands/journal-export.js';
import { listRecords } from '../../src/commands/journal-list.js';
import { showRecord } from '../../src/commands/journal-show.js';
import { verifyJournal } from '../../src/commands/journal-verify.js';
import { wipeJournal } from '../../src/commands/journal-wipe.js';
import { KDF_DEFAULT, KDF_MINIMUM } from '../../src/crypto/passphrase-keys.js';
import { MAGIC } from '../../src/crypto/envelope.js';
import { textPrompter } from '../../src/journal/prompts.js';
import { journalDir } from '../../src/journal/store.js';
import { inquirerPrompter } from '../../src/prompter.js';
import { tempDir, testContext } from '../helpers/fixtures.js';
import { fakeTerminal, KEY } from '../helpers/terminal.js';
import { addViaStdin, PASS, refusal, stdinContext } from './helpers.js';

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

function evidenceFiles(dir: string): { a: string; b: string; aData: Buffer; bData: Buffer } {
  const aData = Buffer.from('%PDF-1.4 summons from the investigative committee\n');
  const bData = Buffer.concat([Buffer.from('\x89PNG screenshot of the threat '), Buffer.alloc(200_000, 7)]);
  const a = path.join(dir, 'повестка.pdf');
  const b = path.join(dir, 'screenshot 1.png');
  writeFileSync(a, aData);
  writeFileSync(b, bData);
  return { a, b, aData, bData };
}

function allBytesUnder(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else parts.push(readFileSync(full));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}

describe('journal add (interactive)', () => {
  it('creates the journal with a hidden passphrase asked twice, and records the incident in UTC', async () => {
    const dataDir = tempDir();
    const files = evidenceFiles(tempDir());
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lessonDirs: [], dataDir });
    const done = addRecord(ctx, { attach: [files.a, files.b] }, textPrompter(term.io, ctx.t), { cost: KDF_MINIMUM });
    await term.waitFor('There is no journal on this computer yet');
    await term.answer('Choose a passphrase for the journal:', 'short', KEY.enter);
    await term.waitFor('too short');
    await term.answer('Choose a passphrase for the journal:', PASS, KEY.enter);
    await term.answer('Type the same passphrase again:', PASS, KEY.enter);
    await term.answer('When did it happen?', '2026-11-31 10:00', KEY.enter);
    await term.waitFor('Write it like');
    // Fix the typo in place: the bad answer is still in the field.
    term.type(...Array<string>(16).fill('\u007f'), '2026-11-20 14:30 +03:00', KEY.enter);
    await term.answer('What happened?', 'Звонок с неизвестного номера.', KEY.enter);
    await term.answer('More (Enter to finish):', 'He named my mother and her address.', KEY.enter);
    await term.answer('More (Enter to finish):', KEY.enter);
    await term.answer('Who was involved', '+7 900 000-00-00, "майор Петров"', KEY.enter);
    await term.answer('How did it reach you', 'phone call', KEY.enter);
    expect(await done).toBe(0);
    const screen = term.screen();
    expect(screen).toContain('Record 1 is saved in the encrypted journal.');
    expect(screen).toContain(`SHA-256 ${sha(files.aData)}`);
    expect(screen).toContain(`SHA-256 ${sha(files.bData)}`);
    expect(screen).toContain('The original files are still where they were');
    expect(screen).not.toContain(PASS);
    // The originals are untouched; nothing readable is stored.
    expect(readFileSync(files.a).equals(files.aData)).toBe(true);
    const stored = allBytesUnder(journalDir(dataDir));
    expect(stored.includes(Buffer.from('Звонок'))).toBe(false);
    expect(stored.includes(Buffer.from('screenshot of the threat'))).toBe(false);
    expect(stored.includes(Buffer.from('summons'))).toBe(false);
    expect(statSync(path.join(journalDir(dataDir), 'journal.enc')).mode & 0o077).toBe(0);

    const show = await stdinContext(dataDir, PASS + '\n');
    expect(await showRecord(show, '1', { passphraseStdin: true })).toBe(0);
    const text = show.io.out();
    expect(text).toContain('When: 2026-11-20 11:30 UTC (as entered: 2026-11-20 14:30 +03:00)');
    expect(text).toContain('  Звонок с неизвестного номера.\n  He named my mother and her address.');
    expect(text).toContain('Who: +7 900 000-00-00, "майор Петров"');
    expect(text).toContain('1. повестка.pdf');
    expect(text).toContain('2. screenshot 1.png');
  });

  it('uses scrypt N=2^17 by default and reads the record from stdin after the passphrase in scripts', async () => {
    const dataDir = tempDir();
    const ctx = await stdinContext(dataDir, `${PASS}\n${JSON.stringify({ what: 'Letter from the embassy', time: '2026-11-02', channel: 'email' })}`);
    expect(await journalAdd(ctx, { passphraseStdin: true })).toBe(0);
    const index = readFileSync(path.join(journalDir(dataDir), 'journal.enc'));
    const header = JSON.parse(index.subarray(MAGIC.length + 4, MAGIC.length + 4 + index.readUInt32BE(MAGIC.length)).toString('utf8'));
    expect(header.kdf).toMatchObject({ name: 'scrypt', N: KDF_DEFAULT.N, r: 8, p: 1 });
    const list = await stdinContext(dataDir, PASS + '\n');
    expect(await listRecords(list, { passphraseStdin: true })).toBe(0);
    expect(list.io.out()).toContain('2026-11-02');
    expect(list.io.out()).toContain('email: Letter from the embassy');
  });

  it('never reads a passphrase from a terminal as plain input, and needs one to go on', async () => {
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lessonDirs: [], dataDir: tempDir() });
    const err = await refusal(addRecord(ctx, { passphraseStdin: true }, textPrompter(term.io, ctx.t)));
    expect(err.message).toContain('what you type would be shown');
    const noTerminal = await stdinContext(tempDir(), '');
    expect((await refusal(journalAdd(noTerminal, {}))).hint).toContain('--passphrase-stdin');
  });

  it('refuses a missing attachment before asking anything', async () => {
    const ctx = await stdinContext(tempDir(), `${PASS}\n{"what":"x"}`);
    const err = await refusal(addRecord(ctx, { attach: ['/nonexistent/file.jpg'], passphraseStdin: true }, undefined, { cost: KDF_MINIMUM }));
    expect(err.message).toContain('Cannot attach');
    expect(existsSync(journalDir(ctx.paths.dataDir))).toBe(false);
  });
});

describe('journal: nothing lost, clear errors', () => {
  it('refuses a wrong passphrase with one clear error and changes nothing', async () => {
    const dataDir = tempDir();
    await addViaStdin(dataDir, { what: 'First incident' });
    const index = path.join(journalDir(dataDir), 'journal.enc');
    const before = readFileSync(index);
    const ctx = await stdinContext(dataDir, 'not the passphrase\n');
    const err = await refusal(listRecords(ctx, { passphraseStdin: true }));
    expect(err.message).toBe('Wrong passphrase: the journal was not opened.');
    expect(err.exitCode).toBe(2);
    expect(ctx.io.out()).not.toContain('First incident');
    const add = await stdinContext(dataDir, 'not the passphrase\n{"what":"second"}');
    await refusal(addRecord(add, { passphraseStdin: true }, undefined));
    expect(readFileSync(index).equals(before)).toBe(true);
    const ru = await stdinContext(dataDir, 'не та фраза\n', 'ru');
    expect((await refusal(listRecords(ru, { passphraseStdin: true }))).message).toBe('Неверная парольная фраза: журнал не открыт.');
  });

  it('reports a damaged or cut-short journal file as damaged, never as a partial journal, and leaves it in place', async () => {
    const dataDir = tempDir();
    await addViaStdin(dataDir, { what: 'Incident to protect' });
    const index = path.join(journalDir(dataDir), 'journal.enc');
    const good = readFileSync(index);
    for (const damaged of [Buffer.concat([good.subarray(0, good.length - 5), Buffer.from([good[good.length - 5]! ^ 0xff]), good.subarray(good.length - 4)]), good.subarray(0, good.length - 10), Buffer.from('garbage')]) {
      writeFileSync(index, damaged);
      const ctx = await stdinContext(dataDir, PASS + '\n');
      const err = await refusal(listRecords(ctx, { passphraseStdin: true }));
      expect(err.message).toContain('The journal file is damaged and cannot be read');
      expect(err.hint).toContain('Nothing was changed or deleted');
      expect(err.exitCode).toBe(1);
      expect(ctx.io.out()).toBe('');
      expect(readFileSync(index).equals(damaged)).toBe(true);
    }
  });

  it('re-hashes every attachment and names the damaged and the missing ones', async () => {
    const dataDir = tempDir();
    const files = evidenceFiles(tempDir());
    await addViaStdin(dataDir, { what: 'Threats' }, [files.a, files.b]);
    const ok = await stdinContext(dataDir, PASS + '\n');
    expect(await verifyJournal(ok, { passphraseStdin: true })).toBe(0);
    expect(ok.io.out()).toContain('all 2 attached files are intact');

    const stored = readdirSync(path.join(journalDir(dataDir), 'files')).sort();
    const [first, second] = stored.map((n) => path.join(journalDir(dataDir), 'files', n));
    const bytes = readFileSync(first!);
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0x01;
    writeFileSync(first!, bytes);
    writeFileSync(second!, readFileSync(second!).subarray(0, 100));
    const bad = await stdinContext(dataDir, PASS + '\n');
    expect(await verifyJournal(bad, { passphraseStdin: true })).toBe(1);
    expect(bad.io.out().match(/DAMAGED/g)).toHaveLength(2);
    expect(bad.io.out()).toContain('Problems with 2 of 2 attached files. Nothing was changed.');
  });
});

describe('journal export', () => {
  it('exports a record with two attachments as Markdown, with the files and a manifest that checks out', async () => {
    const dataDir = tempDir();
    const files = evidenceFiles(tempDir());
    await addViaStdin(dataDir, { time: '2026-11-20 14:30 +03:00', what: 'A call.\n```\nquoted `code` and **bold** <b>', who: 'caller_1 [fake]', channel: 'phone' }, [files.a, files.b]);
    const outDir = tempDir();
    const ctx = await stdinContext(dataDir, PASS + '\n');
    expect(await exportJournal(ctx, { out: path.join(outDir, 'report.md'), passphraseStdin: true })).toBe(0);
    const report = readFileSync(path.join(outDir, 'report.md'), 'utf8');
    const evidence = path.join(outDir, 'report-evidence');
    expect(report).toContain('# Incident journal');
    expect(report).toContain('## Evidence manifest');
    expect(report).toContain('2026-11-20 11:30 UTC');
    expect(report).toContain('caller\\_1 \\[fake\\]');
    expect(report).toContain(`(${files.aData.length} B)`);
    expect(report).toContain('````text\nA call.\n```\nquoted `code` and **bold** <b>\n````');
    const names = readdirSync(evidence).sort();
    expect(names).toEqual(['SHA256SUMS', 'r001-a01-повестка.pdf', 'r001-a02-screenshot_1.png']);
    expect(readFileSync(path.join(evidence, 'r001-a01-повестка.pdf')).equals(files.aData)).toBe(true);
    expect(readFileSync(path.join(evidence, 'r001-a02-screenshot_1.png')).equals(files.bData)).toBe(true);
    // SHA256SUMS in the format sha256sum -c reads, and every line matches the exported file.
    const sums = readFileSync(path.join(evidence, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums).toHaveLength(2);
    for (const line of sums) {
      const [hash, name] = line.split('  ');
      expect(sha(readFileSync(path.join(evidence, name!)))).toBe(hash);
      expect(report).toContain(hash!);
    }
    expect(ctx.io.out()).toContain('These files are not encrypted');
    expect(ctx.io.out()).toContain(`SHA-256 of the report: ${sha(Buffer.from(report))}`);
  });

  it('writes self-contained, escaped HTML in Russian, and refuses to overwrite anything', async () => {
    const dataDir = tempDir();
    const files = evidenceFiles(tempDir());
    await addViaStdin(dataDir, { what: '<script>alert("x")</script> & <img src=https://evil.example/x.png>', who: 'O\'Brien' }, [files.a, files.b]);
    const outDir = tempDir();
    const ctx = await stdinContext(dataDir, PASS + '\n', 'ru');
    expect(await exportJournal(ctx, { out: path.join(outDir, 'отчёт.html'), files: false, passphraseStdin: true })).toBe(0);
    const html = readFileSync(path.join(outDir, 'отчёт.html'), 'utf8');
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Перечень доказательств');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=https://evil.example/x.png&gt;');
    expect(html).toContain('O&#39;Brien');
    expect(html).not.toMatch(/<script|<img|<link|<a |<iframe|<object/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain(sha(files.aData));
    // Sizes stay exact (evidence), with the unit in Russian.
    expect(html).toContain(`(${files.aData.length} Б)`);
    expect(html).not.toMatch(/\d B\)/);
    expect(existsSync(path.join(outDir, 'отчёт-evidence'))).toBe(false);

    const again = await stdinContext(dataDir, PASS + '\n', 'ru');
    writeFileSync(path.join(outDir, 'mine.md'), 'my own notes');
    const err = await refusal(exportJournal(again, { out: path.join(outDir, 'mine.md'), passphraseStdin: true }));
    expect(err.message).toContain('уже существует; ничего не перезаписано');
    expect(readFileSync(path.join(outDir, 'mine.md'), 'utf8')).toBe('my own notes');
  });

  it('writes nothing when an attached file fails its check', async () => {
    const dataDir = tempDir();
    const files = evidenceFiles(tempDir());
    await addViaStdin(dataDir, { what: 'x' }, [files.a, files.b]);
    const dir = path.join(journalDir(dataDir), 'files');
    const victim = path.join(dir, readdirSync(dir).sort()[1]!);
    const bytes = readFileSync(victim);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x80;
    writeFileSync(victim, bytes);
    const outDir = tempDir();
    const ctx = await stdinContext(dataDir, PASS + '\n');
    const err = await refusal(exportJournal(ctx, { out: path.join(outDir, 'report.md'), passphraseStdin: true }));
    expect(err.message).toContain('could not be exported');
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('journal wipe', () => {
  it('asks before deleting, deletes with --yes, and needs --yes without a terminal', async () => {
    const dataDir = tempDir();
    await addViaStdin(dataDir, { what: 'x' });
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lessonDirs: [], dataDir });
    const asked = wipeJournal(ctx, {}, inquirerPrompter(term.io, ctx.t));
    await term.answer('Delete the whole incident journal', KEY.enter); // the default is No
    expect(await asked).toBe(0);
    expect(term.screen()).toContain('Nothing was deleted.');
    expect(existsSync(journalDir(dataDir))).toBe(true);

    const script = await stdinContext(dataDir, '');
    expect((await refusal(wipeJournal(script, {}))).hint).toContain('--yes');
    expect(existsSync(journalDir(dataDir))).toBe(true);

    const yes = await stdinContext(dataDir, '');
    expect(await wipeJournal(yes, { yes: true })).toBe(0);
    expect(existsSync(journalDir(dataDir))).toBe(false);
    expect(readdirSync(dataDir).filter((n) => n.includes('journal'))).toEqual([]);
    const list = await stdinContext(dataDir, PASS + '\n');
    expect((await refusal(listRecords(list, { passphraseStdin: true }))).message).toBe('There is no incident journal on this computer yet.');
  });
});
