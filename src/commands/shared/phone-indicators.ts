// Indicator sets brought by installed lesson packs, under the same trust rules
// as lessons: only a signed pack whose signer the person chose to trust counts,
// and only files its signed manifest lists, with the size and SHA-256 the
// manifest gives. A trainer can bring newer indicators on a USB stick this way.
// A pack lists them as `indicators/<name>.json` (format
// `safestep-phone-indicators`); the installer keeps pack files under the pack's
// `lessons/` folder.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isIndicatorEntryPath } from '../../packs/manifest.js';
import { listInstalled, loadTrusted } from '../../packs/store.js';
import { INDICATOR_LIMITS, parseIndicatorSet, type IndicatorProblem, type IndicatorSet } from '../../phone/indicators.js';

export interface PackIndicatorSet {
  set: IndicatorSet;
  pack: string;
  file: string;
}

export interface PackIndicatorProblem {
  pack: string;
  file: string;
  /** A field name, or what went wrong (language-neutral, short). */
  field: string;
}

export interface PackIndicators {
  sets: PackIndicatorSet[];
  problems: PackIndicatorProblem[];
}

function describe(problem: IndicatorProblem): string {
  if (problem.code === 'bad-field') return problem.field;
  return problem.code;
}

/** Every valid indicator set in the trusted, signed packs installed in `dataDir`. Never throws. */
export async function packIndicatorSets(dataDir: string): Promise<PackIndicators> {
  const out: PackIndicators = { sets: [], problems: [] };
  let packs;
  let trusted;
  try {
    [{ packs }, trusted] = await Promise.all([listInstalled(dataDir), loadTrusted(dataDir)]);
  } catch {
    return out;
  }
  const keys = new Set(trusted.map((s) => s.publicKey));
  for (const pack of packs) {
    const signer = pack.manifest.signer;
    if (!signer || !keys.has(signer.publicKey)) continue;
    for (const entry of pack.manifest.files) {
      if (!isIndicatorEntryPath(entry.path)) continue;
      const problem = (field: string): void => void out.problems.push({ pack: pack.id, file: entry.path, field });
      if (entry.size > INDICATOR_LIMITS.bytes) {
        problem('too-large');
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(path.join(pack.dir, 'lessons', ...entry.path.split('/')));
      } catch {
        problem('missing');
        continue;
      }
      if (bytes.length !== entry.size || createHash('sha256').update(bytes).digest('hex') !== entry.sha256.toLowerCase()) {
        problem('changed since it was signed');
        continue;
      }
      const load = parseIndicatorSet(bytes);
      if (load.ok) out.sets.push({ set: load.set, pack: pack.id, file: entry.path });
      else problem(describe(load.problem));
    }
  }
  return out;
}
