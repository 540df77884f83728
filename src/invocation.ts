// How the person started safestep, so every hint names a command that works
// for them: `safestep` when installed, `npx safestep` through npx, or
// `node bin/safestep.js` from a checkout.
import path from 'node:path';

export function invokedAs(script: string | undefined, env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  if (env.npm_command === 'exec') return 'npx safestep';
  if (!script) return 'safestep';
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean).map((d) => path.resolve(d));
  const parts = script.split(/[\\/]/);
  const base = (parts[parts.length - 1] ?? '').replace(/\.(c?js|mjs|cmd|ps1)$/i, '');
  // An installed package: npm's shim on PATH, or (Windows) the script inside node_modules that the shim runs.
  if (base === 'safestep' && (dirs.includes(path.dirname(path.resolve(script))) || parts.includes('node_modules'))) return 'safestep';
  const relative = path.relative(cwd, script);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : script;
  return `node ${/\s/.test(shown) ? JSON.stringify(shown) : shown}`;
}
