// Benchmark and accuracy report for the password estimator (issue 3).
//
//   npm run build && node bench/password.js [--per-list N] [--rounds N]
//
// Speed: passwords per second, median of several rounds over one fixed list (a mix of
// weak and strong passwords from the evaluation lists), for our estimator and for plain
// @zxcvbn-ts/core with its common and English packs on the same list.
// Accuracy: the Bars of issue 3 on evaluation lists generated from several sources
// (tests/password/eval-lists.mjs), with plain zxcvbn-ts beside ours.
// Prints a report and exits 0; it asserts nothing (the tests do).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

const dist = fileURLToPath(new URL('../dist/src/password/estimate.js', import.meta.url));
if (!existsSync(dist)) {
  console.error('bench/password.js: build first (npm run build:modules)');
  process.exit(1);
}
const { estimatePassword, warmUp } = await import('../dist/src/password/estimate.js');
const { passphraseWordList } = await import('../dist/src/password/passphrase.js');
const { RU_WORDS } = await import('../dist/src/password/data/ru-words.js');
const { RU_FIRST_NAMES } = await import('../dist/src/password/data/ru-names.js');
const { RU_PASSWORD_WORDS } = await import('../dist/src/password/data/ru-common.js');
const { buildEvalLists } = await import('../tests/password/eval-lists.mjs');

const arg = (name, fallback) => {
  const k = process.argv.indexOf(name);
  return k > 0 ? Number(process.argv[k + 1]) : fallback;
};
const PER_LIST = arg('--per-list', 500);
const ROUNDS = arg('--rounds', 5);
const SPEED_LIST = 1000;

const lists = buildEvalLists(
  {
    ruWords: RU_WORDS.split('\n'),
    ruNames: RU_FIRST_NAMES,
    ruPasswordWords: RU_PASSWORD_WORDS,
    englishPasswords: common.dictionary['passwords-common'],
    effWords: passphraseWordList('en'),
    ruPassphraseWords: passphraseWordList('ru'),
  },
  PER_LIST,
  2024,
);

let t = performance.now();
warmUp();
const warmMs = performance.now() - t;
t = performance.now();
const plain = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});
const plainWarmMs = performance.now() - t;
const plainScore = (pw) => plain.check(pw).score;
const ourScore = (pw) => estimatePassword(pw).score;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// -- speed --------------------------------------------------------------------------
const pool = [...Object.values(lists.weak).flat(), ...Object.values(lists.strong).flat(), ...lists.englishCommon];
const speedList = [];
for (let k = 0; speedList.length < SPEED_LIST && k < pool.length; k += 1) speedList.push(pool[(k * 7919) % pool.length]);

function rate(fn, rounds) {
  const rates = [];
  for (let r = 0; r < rounds; r += 1) {
    const start = performance.now();
    for (const pw of speedList) fn(pw);
    rates.push(speedList.length / ((performance.now() - start) / 1000));
  }
  return median(rates);
}
rate(ourScore, 1); // JIT warm-up round, not counted
const ours = rate(ourScore, ROUNDS);
const plainRounds = Math.max(1, Math.min(ROUNDS, 3));
const base = rate(plainScore, plainRounds);

// 10,000-character input: time bounded by analysing the first 256 characters.
const longTimes = [];
for (const long of ['x'.repeat(10_000), '1'.repeat(10_000), Array.from({ length: 10_000 }, (_, k) => 'aZ9!бЖ'[(k * 31) % 6]).join('')]) {
  const start = performance.now();
  estimatePassword(long);
  longTimes.push(performance.now() - start);
}

// -- accuracy -----------------------------------------------------------------------
const pct = (n, d) => `${((100 * n) / d).toFixed(1)}%`;
const rows = [];
const summary = { weak: [0, 0, 0], plainWeak: [0, 0, 0] };
const PLAIN_SAMPLE = 150; // plain zxcvbn-ts is slow: a sample of each list for comparison
for (const [name, list] of Object.entries(lists.weak)) {
  const s = list.map(ourScore);
  const p = list.slice(0, PLAIN_SAMPLE).map(plainScore);
  const le1 = s.filter((x) => x <= 1).length;
  const ge3 = s.filter((x) => x >= 3).length;
  summary.weak[0] += le1;
  summary.weak[1] += ge3;
  summary.weak[2] += s.length;
  summary.plainWeak[0] += p.filter((x) => x <= 1).length;
  summary.plainWeak[1] += p.filter((x) => x >= 3).length;
  summary.plainWeak[2] += p.length;
  rows.push([`weak: ${name}`, s.length, `<=1 ${pct(le1, s.length)}, >=3 ${ge3}`, `<=1 ${pct(p.filter((x) => x <= 1).length, p.length)}, >=3 ${pct(p.filter((x) => x >= 3).length, p.length)}`]);
}
for (const [name, list] of Object.entries(lists.unranked)) {
  const s = list.map(ourScore);
  const p = list.slice(0, PLAIN_SAMPLE).map(plainScore);
  const count = (xs, f) => xs.filter(f).length;
  rows.push([
    `outside the bars: ${name}`,
    s.length,
    `<=1 ${pct(count(s, (x) => x <= 1), s.length)}, <=2 ${pct(count(s, (x) => x <= 2), s.length)}`,
    `<=1 ${pct(count(p, (x) => x <= 1), p.length)}, <=2 ${pct(count(p, (x) => x <= 2), p.length)}`,
  ]);
}
for (const [name, list] of Object.entries(lists.strong)) {
  const s = list.map(ourScore);
  const p = list.slice(0, PLAIN_SAMPLE).map(plainScore);
  rows.push([`strong: ${name}`, s.length, `>=3 ${pct(s.filter((x) => x >= 3).length, s.length)}`, `>=3 ${pct(p.filter((x) => x >= 3).length, p.length)}`]);
}
{
  const s = lists.englishCommon.map(ourScore);
  const p = lists.englishCommon.slice(0, PLAIN_SAMPLE).map(plainScore);
  rows.push(['English common passwords', s.length, `<=1 ${pct(s.filter((x) => x <= 1).length, s.length)}, >=3 ${s.filter((x) => x >= 3).length}`, `<=1 ${pct(p.filter((x) => x <= 1).length, p.length)}`]);
}

// -- report -------------------------------------------------------------------------
const out = [];
out.push('Password estimator benchmark (issue 3)');
out.push('');
out.push(`Speed, median of ${ROUNDS} rounds over ${speedList.length} passwords (plain: ${plainRounds} rounds):`);
out.push(`  safestep estimator     ${ours.toFixed(0)} passwords/s   (first use builds the dictionaries: ${warmMs.toFixed(0)} ms)`);
out.push(`  plain @zxcvbn-ts/core  ${base.toFixed(0)} passwords/s   (set-up ${plainWarmMs.toFixed(0)} ms)`);
out.push(`  ratio                  ${(ours / base).toFixed(1)}x   bar: >= 1000 passwords/s -> ${ours >= 1000 ? 'met' : 'NOT met'}`);
out.push(`  10,000-character input: ${longTimes.map((x) => `${x.toFixed(0)} ms`).join(', ')} (only the first 256 characters are analysed)`);
out.push('');
out.push(`Accuracy (${PER_LIST} per list; plain zxcvbn-ts on the first ${PLAIN_SAMPLE} of each):`);
const width = Math.max(...rows.map((r) => r[0].length));
out.push(`  ${'list'.padEnd(width)}  ${'n'.padStart(5)}  ${'safestep'.padEnd(22)}  plain zxcvbn-ts`);
for (const [name, n, o, p] of rows) out.push(`  ${name.padEnd(width)}  ${String(n).padStart(5)}  ${o.padEnd(22)}  ${p}`);
out.push('');
const [le1, ge3, total] = summary.weak;
const [ple1, pge3, ptotal] = summary.plainWeak;
out.push(`Weak passwords overall: ${pct(le1, total)} score <= 1 (bar >= 95%), ${ge3} score >= 3 (bar: none)`);
out.push(`  plain zxcvbn-ts on the sample: ${pct(ple1, ptotal)} score <= 1, ${pct(pge3, ptotal)} score >= 3`);
console.log(out.join('\n'));
process.exit(0);
