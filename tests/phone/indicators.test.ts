import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ECHAP } from '../../src/phone/data/stalkerware.js';
import { STATE_SPYWARE } from '../../src/phone/data/state-spyware.js';
import { buildIndex, INDICATOR_FORMAT, isPackageName, mergeSets, parseIndicatorSet, type IndicatorSet } from '../../src/phone/indicators.js';
import { BUILTIN_INDICATORS, indicatorIndex } from '../../src/phone/index.js';
import { tempDir } from '../checks/helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Echap's files live beside the repository (../shared), never inside it.
const shared = process.env.SAFESTEP_SHARED_DIR ?? path.resolve(root, '..', 'shared');
const echapDir = path.join(shared, 'data', 'stalkerware-indicators');
const haveEchap = existsSync(path.join(echapDir, 'ioc.yaml'));
if (!haveEchap) {
  if (process.env.CI) throw new Error(`${echapDir} is missing: CI must have ../shared beside the repository`);
  process.stderr.write(`skipped: ${echapDir} is missing; set SAFESTEP_SHARED_DIR to run the generator test\n`);
}

describe.runIf(haveEchap)(haveEchap ? 'the generated Echap table' : 'the generated Echap table (skipped: ../shared is missing)', () => {
  it('is what the generator makes from the shared copy, byte for byte', () => {
    const out = path.join(tempDir(), 'stalkerware.ts');
    execFileSync(process.execPath, [path.join(root, 'scripts', 'phone-indicators.mjs'), echapDir, '--out', out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(path.join(root, 'src', 'phone', 'data', 'stalkerware.ts'), 'utf8'));
  });
});

describe('built-in indicator tables', () => {
  it('carry their source, commit and date, and credit Echap', () => {
    expect(ECHAP).toMatchObject({ id: 'echap', url: 'https://github.com/AssoEchap/stalkerware-indicators', date: expect.stringMatching(/^\d{4}-\d{2}/) });
    expect(ECHAP.source).toContain('CC-BY 4.0');
    expect(ECHAP.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(ECHAP.families.length).toBeGreaterThan(100);
  });

  it('hold only well-formed values', () => {
    for (const set of BUILTIN_INDICATORS) {
      for (const f of set.families) {
        expect(f.packages.every(isPackageName), f.name).toBe(true);
        expect(f.certificates.every((c) => /^(?:[0-9A-F]{40}|[0-9A-F]{64})$/.test(c)), f.name).toBe(true);
        expect(f.packages.length + f.certificates.length, f.name).toBeGreaterThan(0);
      }
    }
  });

  it('give every state-spyware entry its published source and date', () => {
    for (const f of STATE_SPYWARE.families) {
      expect(f.source, f.name).toMatch(/^https:\/\/github\.com\/(AmnestyTech|mvt-project)\//);
      expect(f.date, f.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['spyware', 'forensic']).toContain(f.type);
    }
  });

  it('look up by package and by certificate in constant time, case-insensitively for certificates', () => {
    const index = indicatorIndex();
    expect(index.byPackage('com.thetruth').map((m) => m.family.name)).toEqual(['TheTruthSpy']);
    expect(index.byCertificate('31a6ececd97cf39bc4126b8745cd94a7c30bf81c').map((m) => m.family.name)).toEqual(['TheTruthSpy']);
    expect(index.byPackage('org.telegram.messenger')).toEqual([]);
    // A package two Echap families share is reported with both.
    expect(index.byPackage('com.sc.spyier.v2').map((m) => m.family.name).sort()).toEqual(['Cocospy', 'Spyier']);
    expect(index.summary()).toEqual({ source: expect.stringContaining('Echap stalkerware-indicators'), date: ECHAP.date < STATE_SPYWARE.date ? ECHAP.date : STATE_SPYWARE.date });
  });
});

const valid = {
  format: INDICATOR_FORMAT,
  version: 1,
  id: 'echap',
  source: 'Echap stalkerware-indicators (CC-BY 4.0)',
  url: 'https://github.com/AssoEchap/stalkerware-indicators',
  commit: 'abcdef1',
  date: '2099-01-15',
  families: [{ name: 'NewSpy', type: 'stalkerware', packages: ['com.new.spy'], certificates: ['ab'.repeat(20)], date: '2098-12' }],
};

describe('indicator sets from lesson packs', () => {
  it('load when valid, with certificates upper-cased', () => {
    const load = parseIndicatorSet(JSON.stringify(valid));
    expect(load).toEqual({
      ok: true,
      set: {
        id: 'echap',
        source: valid.source,
        url: valid.url,
        commit: 'abcdef1',
        date: '2099-01-15',
        families: [{ name: 'NewSpy', type: 'stalkerware', packages: ['com.new.spy'], certificates: ['AB'.repeat(20)], date: '2098-12' }],
      },
    });
  });

  it('replace the built-in set with the same id only when newer', () => {
    const newer = parseIndicatorSet(JSON.stringify(valid));
    const older = parseIndicatorSet(JSON.stringify({ ...valid, date: '2001-01-01' }));
    if (!newer.ok || !older.ok) throw new Error('fixtures must load');
    const merged = mergeSets(BUILTIN_INDICATORS, [newer.set]);
    expect(merged.map((s) => s.id)).toEqual(['echap', 'state-spyware']);
    expect(buildIndex(merged).byPackage('com.new.spy')).toHaveLength(1);
    expect(buildIndex(merged).byPackage('com.thetruth')).toHaveLength(0);
    expect(mergeSets(BUILTIN_INDICATORS, [older.set])[0]).toBe(ECHAP);
    const added: IndicatorSet = { ...newer.set, id: 'trainer-extra' };
    expect(mergeSets(BUILTIN_INDICATORS, [added]).map((s) => s.id)).toEqual(['echap', 'state-spyware', 'trainer-extra']);
  });

  it('are refused, with the field named, when anything is off', () => {
    const fam = valid.families[0] as Record<string, unknown>;
    const cases: [unknown, string][] = [
      [{ ...valid, format: 'stix2' }, 'wrong-format'],
      [{ ...valid, version: 2 }, 'wrong-format'],
      [{ ...valid, id: '../etc' }, 'id'],
      [{ ...valid, source: 'Echap\u001b]8;;http://evil\u0007' }, 'source'],
      [{ ...valid, url: 'http://plain' }, 'url'],
      [{ ...valid, date: '2024-13-01' }, 'date'],
      [{ ...valid, families: {} }, 'families'],
      [{ ...valid, families: [{ ...fam, name: 'x\u202eevil' }] }, 'families[0].name'],
      [{ ...valid, families: [{ ...fam, type: 'malware' }] }, 'families[0].type'],
      [{ ...valid, families: [{ ...fam, packages: ['com.ok', 'rm -rf /'] }] }, 'families[0].packages[1]'],
      [{ ...valid, families: [{ ...fam, certificates: ['12345'] }] }, 'families[0].certificates[0]'],
      [{ ...valid, families: [{ ...fam, packages: [], certificates: [] }] }, 'families[0]'],
      [{ ...valid, families: [{ ...fam, packages: Array(10_001).fill('a.b') }] }, 'families[0].packages'],
    ];
    for (const [input, expected] of cases) {
      const load = parseIndicatorSet(JSON.stringify(input));
      expect(load.ok, expected).toBe(false);
      if (load.ok) continue;
      expect(load.problem.code === 'bad-field' ? load.problem.field : load.problem.code).toBe(expected);
    }
    expect(parseIndicatorSet('{"format": ')).toMatchObject({ ok: false, problem: { code: 'not-json' } });
    expect(parseIndicatorSet(new Uint8Array([0xff, 0xfe, 0x00]))).toMatchObject({ ok: false, problem: { code: 'not-json' } });
    expect(parseIndicatorSet(' '.repeat(9 * 1024 * 1024))).toEqual({ ok: false, problem: { code: 'too-large' } });
  });

  it('ignore inherited keys: "__proto__" in the JSON is just an unknown key', () => {
    const load = parseIndicatorSet(`{"__proto__": {"id": "x"}, ${JSON.stringify(valid).slice(1)}`);
    expect(load.ok).toBe(true);
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });
});
