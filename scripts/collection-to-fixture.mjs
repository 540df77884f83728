// Turns a collection (safestep audit --collect FILE) into a real-capture test
// case in tests/checks/real: the recorded answers as output files, and a
// sidecar with the verdict each collected check gives today. Review the
// verdicts it prints before committing: the test then keeps them.
//
//   npm run build && node scripts/collection-to-fixture.mjs collection.json [name]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [input, nameArg] = process.argv.slice(2);
if (!input) {
  process.stderr.write('usage: node scripts/collection-to-fixture.mjs COLLECTION.json [name]\n');
  process.exit(2);
}

let collect;
let load;
try {
  collect = await import(path.join(root, 'dist/src/audit/collect.js'));
  load = await import(path.join(root, 'dist/src/audit/load.js'));
} catch {
  process.stderr.write('dist/ is missing or old: run npm run build first\n');
  process.exit(2);
}

let collection;
try {
  collection = collect.parseCollection(JSON.parse(await readFile(input, 'utf8')));
} catch (error) {
  process.stderr.write(`${input}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

const name = (nameArg ?? `collected-${collection.platform}-${collection.collected.slice(0, 10)}`).replace(/[^A-Za-z0-9._-]/g, '-');
const dir = path.join(root, 'tests', 'checks', 'real');
const { sidecar, files } = await collect.fixtureFromCollection(collection, await load.loadChecks(), name);
await mkdir(dir, { recursive: true });
for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
await writeFile(path.join(dir, `${name}.json`), JSON.stringify(sidecar, null, 2) + '\n');
process.stdout.write(`tests/checks/real/${name}.json: ${sidecar.answers.length} answers\n`);
for (const [id, verdict] of Object.entries(sidecar.checks)) process.stdout.write(`  ${id}: ${verdict.status} ${verdict.findings.join(', ')}\n`);
process.stdout.write('Review these verdicts; add "truth" (on, off or unknown) where the machine\'s real state is known.\n');
