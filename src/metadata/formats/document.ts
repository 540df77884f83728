// The scrub plan shared by zip-based documents (OOXML, ODF): plan what to
// remove and rewrite, write the package, and check the copy is as consistent
// as the original was (problems the original already had are not ours).
import type { PackagePlan } from '../codecs/package.js';
import type { Source } from '../codecs/source.js';
import { readZip, type ZipArchive } from '../codecs/zip.js';
import type { ScrubIo, ScrubOutcome } from './types.js';

export interface PackageChecker {
  (src: Source, zip: ZipArchive): Promise<{ problems: string[] }>;
}

export async function scrubPackage(
  io: ScrubIo,
  plan: (src: Source, zip: ZipArchive) => Promise<PackagePlan>,
  check: PackageChecker,
): Promise<ScrubOutcome> {
  const p = await io.withSource(async (src) => {
    const zip = await readZip(src);
    const made = await plan(src, zip);
    await io.packageCopy(src, zip, made);
    return made;
  });
  const problemsOf = async (src: Source): Promise<string[]> => (await check(src, await readZip(src))).problems;
  const before = new Set(await io.withSource(problemsOf));
  return {
    removed: p.removed,
    warnings: p.warnings,
    verify: async (copy) => {
      const fresh = (await io.withSource(problemsOf, copy)).filter((x) => !before.has(x));
      return fresh.length === 0 ? null : fresh.slice(0, 5).join('; ');
    },
  };
}
