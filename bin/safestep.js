#!/usr/bin/env node
// The command. It only loads the bundled program; a checkout that was never
// built gets one line saying what to run instead of a stack trace.
import { fileURLToPath } from 'node:url';

try {
  await import('../dist/bundle/main.js');
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/bundle/main.js')) {
    const dir = fileURLToPath(new URL('..', import.meta.url));
    process.stderr.write(`safestep is not built yet. In ${dir} run: npm ci && npm run build\n`);
    process.exit(2);
  }
  throw err;
}
