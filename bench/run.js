// npm run bench: start-up and listing speed, as ratios to bare Node measured in
// the same run, then every other bench/*.js (password, metadata...) in turn.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const bin = path.join(root, 'bin', 'safestep.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);

function timeRun(args, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function median(args, env) {
  timeRun(args, env); // warm the file-system cache (and safestep's lesson index)
  const times = Array.from({ length: RUNS }, () => timeRun(args, env)).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function generateLessons(dir, count) {
  const topics = ['communications', 'financial', 'identity', 'devices', 'repression', 'wellbeing'];
  for (let i = 0; i < count; i++) {
    const id = `bench-lesson-${i}`;
    const topic = topics[i % topics.length];
    const folder = path.join(dir, topic, id);
    mkdirSync(folder, { recursive: true });
    const steps = Array.from({ length: 12 }, (_, s) => `  - id: step-${s}\n    type: text\n    title: Step ${s}\n    body: |\n      ${'Some realistic paragraph text about staying safe online. '.repeat(8)}\n`).join('');
    writeFileSync(
      path.join(folder, 'lesson.yaml'),
      `id: ${id}\nversion: 1\nlang: en\ntitle: Bench lesson ${i}\nsummary: A generated lesson.\ntopic: ${topic}\nlevel: basic\nminutes: 10\nreviewed: "2026-11-01"\naudience: Everyone.\nobjectives:\n  - Learn.\ntrainer_notes: None.\nsources:\n  - id: s\n    title: S\n    url: https://example.org\n    accessed: "2026-11-01"\nsteps:\n${steps}`,
    );
    writeFileSync(path.join(folder, 'lesson.ru.yaml'), `lang: ru\nlesson: ${id}\nsource_version: 1\ntitle: Урок ${i}\nsummary: Урок.\nsteps: {}\n`);
  }
}

const baseEnv = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' };
const bare = median(['-e', '0'], baseEnv);
const help = median([bin, '--help'], baseEnv);

// 200 lessons in an installed pack (a trainer's): listed from the pack's own index.
const packHome = mkdtempSync(path.join(os.tmpdir(), 'safestep-bench-home-'));
const packFolder = path.join(packHome, 'packs', 'bench-pack');
generateLessons(path.join(packFolder, 'lessons'), 200);
writeFileSync(path.join(packFolder, 'pack.json'), '{}');
const list = median([bin, 'lessons'], { ...baseEnv, SAFESTEP_HOME: packHome });
// The same 200 in a folder named by SAFESTEP_LESSON_PATH: never indexed (nothing on
// disk may remember a USB stick's lessons), so every listing reads them all.
const lessonsDir = mkdtempSync(path.join(os.tmpdir(), 'safestep-bench-lessons-'));
generateLessons(lessonsDir, 200);
const listEnv = { ...baseEnv, SAFESTEP_HOME: mkdtempSync(path.join(os.tmpdir(), 'safestep-bench-home-')), SAFESTEP_LESSON_PATH: lessonsDir };
const listFolder = median([bin, 'lessons'], listEnv);

const row = (name, ms, target) => {
  const ratio = ms / bare;
  console.log(`${name.padEnd(34)} ${ms.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x bare node  (target <= ${target}x) ${ratio <= target ? 'ok' : 'OVER'}`);
};
console.log(`start-up (median of ${RUNS} runs, node ${process.version})`);
console.log(`${'node -e 0 (baseline)'.padEnd(34)} ${bare.toFixed(1).padStart(7)} ms`);
row('safestep --help', help, 1.5);
row('safestep lessons (200 in a pack)', list, 2);
console.log(`${'safestep lessons (200 in a folder)'.padEnd(34)} ${listFolder.toFixed(1).padStart(7)} ms  ${(listFolder / bare).toFixed(2)}x bare node  (read afresh every time, by design)`);

// The self-audit has an absolute target: the whole audit in 3 s or less here.
const auditEnv = { ...baseEnv, SAFESTEP_HOME: mkdtempSync(path.join(os.tmpdir(), 'safestep-bench-audit-')) };
const auditRuns = Array.from({ length: 5 }, () => {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, [bin, 'audit', '--json'], { env: auditEnv, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}).sort((a, b) => a - b);
const audit = auditRuns[2];
console.log(`${'safestep audit (all checks)'.padEnd(34)} ${audit.toFixed(1).padStart(7)} ms  (target <= 3000 ms) ${audit <= 3000 ? 'ok' : 'OVER'}`);

for (const file of readdirSync(here).filter((f) => f.endsWith('.js') && f !== 'run.js').sort()) {
  console.log(`\n== bench/${file}`);
  const r = spawnSync(process.execPath, [path.join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) console.log(`bench/${file} exited ${r.status}`);
}
