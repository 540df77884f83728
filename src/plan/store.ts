// The questionnaire file, and the person's answers: never written in the clear.
//
// The answers ("I donate to causes Russia persecutes", "I am going to Russia")
// are exactly what a search of this computer must not find, so by default
// they are not kept at all: the plan is recomputed from a new, short round of
// questions. A person who wants to keep them chooses a passphrase, and they
// are sealed in plan.enc with the same encrypted format as the journal
// (src/crypto/envelope.ts, scrypt + AES-256-GCM). Older versions of safestep
// wrote plan.json in the clear: it is read once and then shredded.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { shredFile } from '../fsutil/shred.js';
import { openBuffer, parseHeader, sealBuffer } from '../crypto/envelope.js';
import { checkMatches, CryptoFailure, deriveKeys, isRecord, KDF_DEFAULT, newKdfParams, type KdfCost } from '../crypto/passphrase-keys.js';
import type { Translate } from '../i18n/index.js';
import type { Problem } from '../lesson/types.js';
import { PACKAGE_ROOT } from '../paths.js';
import { dict, isReservedId } from '../text/ids.js';
import type { Answers, PlanRules } from './rules.js';

export const PLAN_RULES_FILE = path.join(PACKAGE_ROOT, 'data', 'plan.yaml');

export async function loadPlanRules(t: Translate, file = PLAN_RULES_FILE): Promise<{ rules?: PlanRules; problems: Problem[] }> {
  const [{ readSource }, { compileSchema, schemaProblems }] = await Promise.all([import('../lesson/yaml-source.js'), import('../lesson/schema-check.js')]);
  const source = await readSource(file, t);
  if (!source.doc || source.value === undefined) return { problems: source.problems };
  const validate = await compileSchema('plan');
  if (!validate(source.value)) return { problems: schemaProblems(validate.errors ?? [], { file, doc: source.doc, lines: source.lines }, t) };
  return { rules: source.value as PlanRules, problems: [] };
}

export interface SavedPlan {
  format: 1;
  answers: Answers;
  created: string;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_PLAN_BYTES = 64 * 1024;

/** The encrypted answers the person chose to keep. */
export function planFile(dataDir: string): string {
  return path.join(dataDir, 'plan.enc');
}

/** Where safestep 0.1 kept the answers unencrypted. */
export function legacyPlanFile(dataDir: string): string {
  return path.join(dataDir, 'plan.json');
}

/** Why answers given as JSON (`start --answers`) cannot be used. */
export class AnswersProblem extends Error {
  constructor(
    readonly issue: 'notObject' | 'unknownQuestion' | 'unknownOption' | 'oneOption' | 'notText',
    readonly data: Readonly<Record<string, string>> = {},
  ) {
    super(issue);
    this.name = 'AnswersProblem';
  }
}

/**
 * Checks answers against the questionnaire: known questions, known options,
 * one option for a single-choice question. Accepts `{"country": "ge"}`,
 * `{"messengers": ["telegram"]}`, or the `{"answers": {...}}` that
 * `start --json` prints. A question left out counts as skipped.
 */
export function parseAnswers(value: unknown, rules: PlanRules): Answers {
  const raw = isRecord(value) && isRecord(value.answers) ? value.answers : value;
  if (!isRecord(raw)) throw new AnswersProblem('notObject');
  const questions = new Map(rules.questions.map((q) => [q.id, q]));
  const answers = dict<string[]>();
  for (const [id, given] of Object.entries(raw)) {
    const question = questions.get(id);
    if (!question) throw new AnswersProblem('unknownQuestion', { id, known: [...questions.keys()].join(', ') });
    const list = typeof given === 'string' ? [given] : Array.isArray(given) ? given : null;
    if (!list || !list.every((x): x is string => typeof x === 'string')) throw new AnswersProblem('notText', { id });
    const options = new Set(question.options.map((o) => o.id));
    for (const option of list) {
      if (!options.has(option)) throw new AnswersProblem('unknownOption', { id, option, known: [...options].join(', ') });
    }
    if (question.type === 'single' && list.length > 1) throw new AnswersProblem('oneOption', { id });
    if (list.length > 0 || question.type === 'multiple') answers[id] = [...new Set(list)];
  }
  return answers;
}

/** Answers from a file this or an older safestep wrote: anything odd is dropped, never trusted. */
function cleanSaved(raw: unknown): SavedPlan | null {
  if (!isRecord(raw) || raw.format !== 1 || !isRecord(raw.answers)) return null;
  const answers = dict<string[]>();
  for (const [q, list] of Object.entries(raw.answers)) {
    if (ID.test(q) && !isReservedId(q) && Array.isArray(list)) answers[q] = list.filter((x): x is string => typeof x === 'string' && ID.test(x));
  }
  return { format: 1, answers, created: typeof raw.created === 'string' ? raw.created : '' };
}

export async function hasEncryptedPlan(dataDir: string): Promise<boolean> {
  return (await stat(planFile(dataDir)).catch(() => null))?.isFile() ?? false;
}

/** Seals the answers under the person's passphrase; replaces any earlier saved answers. */
export async function saveEncryptedPlan(dataDir: string, answers: Answers, passphrase: string, now: Date, cost: KdfCost = KDF_DEFAULT): Promise<void> {
  const kdf = newKdfParams(cost);
  const keys = await deriveKeys(passphrase, kdf);
  const plain = Buffer.from(JSON.stringify({ format: 1, answers, created: now.toISOString() }), 'utf8');
  try {
    await writeFileAtomic(planFile(dataDir), sealBuffer({ kdf, keys }, { kind: 'plan' }, plain));
  } finally {
    plain.fill(0);
  }
}

/** Opens plan.enc. Throws CryptoFailure: 'wrong-passphrase', or 'corrupted' for a damaged file. */
export async function openEncryptedPlan(dataDir: string, passphrase: string, cost: KdfCost = KDF_DEFAULT): Promise<SavedPlan> {
  const file = planFile(dataDir);
  if ((await stat(file)).size > MAX_PLAN_BYTES) throw new CryptoFailure('corrupted', 'plan file too large');
  const data = await readFile(file);
  const { header } = parseHeader(data, { kind: 'plan' });
  let plain: Buffer;
  try {
    plain = openBuffer(data, { kind: 'plan' }, await deriveKeys(passphrase, header.kdf));
  } catch (err) {
    // An edited key setting makes every passphrase look wrong: if the one safestep writes fits, the file is damaged.
    const edited = header.kdf.N !== cost.N || header.kdf.r !== cost.r || header.kdf.p !== cost.p;
    if (err instanceof CryptoFailure && err.kind === 'wrong-passphrase' && edited) {
      const keys = await deriveKeys(passphrase, { ...header.kdf, ...cost });
      if (checkMatches(keys, Buffer.from(header.check, 'base64'))) throw new CryptoFailure('corrupted', 'the key settings in the header were changed');
    }
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(plain.toString('utf8'));
  } catch {
    throw new CryptoFailure('corrupted', 'plan is not JSON');
  } finally {
    plain.fill(0);
  }
  const plan = cleanSaved(parsed);
  if (!plan) throw new CryptoFailure('corrupted', 'not a saved plan');
  return plan;
}

/** The unencrypted answers an older safestep left behind, if any. */
export async function readLegacyPlan(dataDir: string): Promise<SavedPlan | null> {
  try {
    return cleanSaved(JSON.parse(await readFile(legacyPlanFile(dataDir), 'utf8')));
  } catch {
    return null;
  }
}

/** Overwrites and removes the answers the older safestep left in the clear. True when there was such a file. */
export async function removeLegacyPlan(dataDir: string): Promise<boolean> {
  return (await shredFile(legacyPlanFile(dataDir))).files > 0;
}

/** Removes saved answers of every kind. */
export async function deleteSavedPlan(dataDir: string): Promise<void> {
  await shredFile(planFile(dataDir));
  await shredFile(legacyPlanFile(dataDir));
}
