// Certificate files and folders the person names on the command line: read
// even when a system store already covered them, since they are what was asked about.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fsProblem, type CheckContext } from '../../src/check-kit/index.js';
import { readCertFile, walk, type CertLocation, type Collector } from './collector.js';

export async function gatherNamedPaths(ctx: CheckContext, collector: Collector, seenFiles: Set<string>): Promise<void> {
  const locate = (real: string): CertLocation => ({ family: 'file', where: real, userAdded: false, trusted: null });
  for (const given of ctx.paths) {
    const resolved = path.resolve(given);
    let stat;
    try {
      stat = await fs.stat(resolved);
    } catch (error) {
      collector.problem('file', resolved, fsProblem(error));
      continue;
    }
    // A path the user names is read even if a system store already covered it.
    const own = new Set<string>();
    if (stat.isDirectory()) {
      await walk(resolved, 2, (file) => readCertFile(file, collector, locate, own), (problem) => collector.problem('file', resolved, problem));
    } else {
      await readCertFile(resolved, collector, locate, own);
    }
    collector.data.storesRead++;
    for (const f of own) seenFiles.add(f);
  }
}
