import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRecord } from '../../src/commands/journal-add.js';
import { journalDir } from '../../src/journal/store.js';
import { parseIncidentTime } from '../../src/journal/time.js';
import { evidenceFileName, mdInline } from '../../src/journal/report.js';
import { tempDir } from '../helpers/fixtures.js';
import { addViaStdin, PASS, refusal, stdinContext } from './helpers.js';

const NOW = new Date('2026-11-27T10:00:00Z');

describe('incident time', () => {
  it('stores UTC and keeps what was typed', () => {
    expect(parseIncidentTime('', NOW)).toEqual({ ok: true, time: NOW.toISOString(), dateOnly: false, asEntered: '' });
    expect(parseIncidentTime('2026-11-20 14:30 +03:00', NOW)).toMatchObject({ ok: true, time: '2026-11-20T11:30:00.000Z', asEntered: '2026-11-20 14:30 +03:00' });
    expect(parseIncidentTime('2026-11-20T23:15Z', NOW)).toMatchObject({ ok: true, time: '2026-11-20T23:15:00.000Z' });
    expect(parseIncidentTime('2026-11-20 01:00 -0500', NOW)).toMatchObject({ ok: true, time: '2026-11-20T06:00:00.000Z' });
    expect(parseIncidentTime('2026-11-20', NOW)).toMatchObject({ ok: true, dateOnly: true, time: '2026-11-20T00:00:00.000Z' });
    const local = parseIncidentTime('2026-11-20 14:30', NOW);
    expect(local.ok && local.localOffset).toMatch(/^[+-]\d{2}:\d{2}$/);
    expect(local.ok && new Date(local.time).getTime()).toBe(new Date(2026, 10, 20, 14, 30).getTime());
  });

  it('refuses impossible, far-future and pre-1990 times', () => {
    for (const bad of ['2026-02-30', '2026-11-20 24:00', '20.11.2026', 'yesterday', '2026-11-20 10:00 +15:00']) {
      expect(parseIncidentTime(bad, NOW)).toEqual({ ok: false, reason: 'format' });
    }
    expect(parseIncidentTime('2026-12-25', NOW)).toEqual({ ok: false, reason: 'future' });
    expect(parseIncidentTime('1989-12-31', NOW)).toEqual({ ok: false, reason: 'past' });
  });
});

describe('report helpers', () => {
  it('makes evidence file names safe on every file system, keeping letters of any alphabet', () => {
    expect(evidenceFileName(1, 2, 'Скриншот угрозы.PNG')).toBe('r001-a02-Скриншот_угрозы.PNG');
    expect(evidenceFileName(12, 1, '../../etc/passwd')).toBe('r012-a01-etc_passwd');
    expect(evidenceFileName(3, 1, '.hidden')).toBe('r003-a01-file.hidden');
    expect(evidenceFileName(3, 1, 'a:b*c?.txt')).toBe('r003-a01-a_b_c_.txt');
  });

  it('escapes Markdown formatting in short fields', () => {
    expect(mdInline('[click](https://evil) *now* <b>x</b>\n# not a heading')).toBe('\\[click\\](https://evil) \\*now\\* \\<b\\>x\\</b\\> \\# not a heading');
    expect(mdInline('1. first')).toBe('1\\. first');
    expect(mdInline('- item')).toBe('\\- item');
  });
});

describe('journal lock', () => {
  it('refuses to write while another safestep holds the journal, and loses nothing', async () => {
    const dataDir = tempDir();
    await addViaStdin(dataDir, { what: 'Kept' });
    writeFileSync(path.join(journalDir(dataDir), 'journal.lock'), String(process.pid));
    const ctx = await stdinContext(dataDir, `${PASS}\n{"what":"blocked"}`);
    const err = await refusal(addRecord(ctx, { passphraseStdin: true }, undefined));
    expect(err.message).toBe('Another safestep is writing to the journal right now.');
    expect(err.hint).toContain('journal.lock');
  });
});
