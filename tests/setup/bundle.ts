// Before any test: bundle the CLI (esbuild, about a second) so the end-to-end
// tests run the same bin/safestep.js a person runs. No type-check or tsc emit
// here; those are `npm run typecheck` and `npm run build`.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function bundle(): void {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '..', '..', 'scripts', 'bundle.mjs')], { stdio: 'inherit' });
}
