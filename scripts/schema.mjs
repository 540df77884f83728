// Writes schema/lesson.schema.json and schema/translation.schema.json from the
// step type registry (src/lesson/lesson-schema.ts), for editors that
// autocomplete lesson files. Run after adding or changing a step type:
//   npm run schema
// tests/lesson/steps.test.ts fails while the files and the registry disagree.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'safestep-schema-'));
try {
  const outfile = path.join(tmp, 'lesson-schema.mjs');
  await build({ entryPoints: ['src/lesson/lesson-schema.ts'], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
  const { lessonSchema, translationSchema } = await import(pathToFileURL(outfile).href);
  writeFileSync('schema/lesson.schema.json', JSON.stringify(lessonSchema(), null, 2) + '\n');
  writeFileSync('schema/translation.schema.json', JSON.stringify(translationSchema(), null, 2) + '\n');
  console.log('wrote schema/lesson.schema.json and schema/translation.schema.json');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
