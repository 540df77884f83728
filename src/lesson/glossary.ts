// One vocabulary for translated lessons. lessons/glossary.yaml names, per term,
// the form to write and the forms to avoid; a translation that uses a form to
// avoid gets a `glossary-term` warning at the exact word, naming the form to use.
// Russian words change their endings, so words are compared by stem
// («двухэтапная» also catches «двухэтапной»), always as whole words. Text inside
// «…» is a quotation (usually a vendor's menu name) and is never flagged.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { visit } from 'yaml';
import type { Lang, Translate } from '../i18n/index.js';
import { SHIPPED_LESSONS } from '../paths.js';
import { compileSchema, schemaProblems } from './schema-check.js';
import type { Problem } from './types.js';
import { problemAt, readSource, type ParsedSource } from './yaml-source.js';

export const GLOSSARY_FILE = path.join(SHIPPED_LESSONS, 'glossary.yaml');

export interface GlossaryTerm {
  en: string;
  use: string;
  avoid: string[];
  note?: string;
}

export interface Glossary {
  lang: string;
  terms: GlossaryTerm[];
}

export interface GlossaryMatch {
  /** Offset of the first character of the matched words in the text searched. */
  index: number;
  /** The words as written, whitespace between them collapsed to one space. */
  text: string;
  term: GlossaryTerm;
}

// Inflectional endings of Russian nouns, adjectives and verbs, longest first, so
// a dictionary form and its inflections reduce to the same stem.
const ENDINGS = [
  'иями', 'ями', 'ами', 'ыми', 'ими', 'ого', 'его', 'ому', 'ему', 'иях', 'иям', 'ией', 'ием',
  'ить', 'ать', 'ять', 'еть', 'ила', 'ило', 'или', 'ала', 'али', 'ешь', 'ишь', 'ете', 'ите',
  'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ый', 'ий', 'ой', 'ей', 'ую', 'юю', 'ым', 'им', 'ых', 'их',
  'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ью', 'ию', 'ия', 'ии', 'ть', 'ил', 'ал', 'ят',
  'ит', 'ют', 'ут', 'ет', 'ла', 'ли', 'ло',
  'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь',
];
const ENDING_SET = new Set(ENDINGS);
const MIN_STEM = 3;
const CYRILLIC = /[\u0400-\u04ff]/;
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

interface Token {
  norm: string;
  start: number;
  end: number;
}

function normalise(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

function tokenise(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ norm: normalise(m[0]), start: m.index, end: m.index + m[0].length }));
}

function stemOf(word: string): string {
  if (!CYRILLIC.test(word)) return word;
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) return word.slice(0, -ending.length);
  }
  return word;
}

function inflectionOf(word: string, formWord: string): boolean {
  if (!CYRILLIC.test(formWord)) return word === formWord || word === `${formWord}s`;
  const stem = stemOf(formWord);
  if (!word.startsWith(stem)) return false;
  const rest = word.slice(stem.length);
  return rest === '' || ENDING_SET.has(rest);
}

/** Whether a word of the text is the word of a form to avoid, inflected or as part of a compound («SMS-код»). */
function sameWord(token: string, formWord: string): boolean {
  if (inflectionOf(token, formWord)) return true;
  return !formWord.includes('-') && token.includes('-') && token.split('-').some((part) => inflectionOf(part, formWord));
}

/** [start, end) ranges of text inside «…», nested quotes included. */
function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '«') {
      if (depth === 0) start = i;
      depth++;
    } else if (text[i] === '»' && depth > 0) {
      depth--;
      if (depth === 0) ranges.push([start, i + 1]);
    }
  }
  if (depth > 0) ranges.push([start, text.length]);
  return ranges;
}

/** Every place where `text` uses a form the glossary says to avoid, outside «…». */
export function findGlossaryTerms(text: string, glossary: Glossary): GlossaryMatch[] {
  const words = tokenise(text);
  const quoted = quotedRanges(text);
  const forms = glossary.terms.flatMap((term) => term.avoid.map((form) => ({ term, words: tokenise(form).map((w) => w.norm) })));
  const matches: GlossaryMatch[] = [];
  for (let i = 0; i < words.length; ) {
    let best: { term: GlossaryTerm; length: number } | undefined;
    for (const form of forms) {
      const n = form.words.length;
      if (n === 0 || i + n > words.length || (best && best.length >= n)) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        ok = sameWord(words[i + k]!.norm, form.words[k]!);
        // The words of a form must follow each other, separated by whitespace only.
        if (ok && k > 0) ok = /^\s+$/.test(text.slice(words[i + k - 1]!.end, words[i + k]!.start));
      }
      if (ok) best = { term: form.term, length: n };
    }
    const start = words[i]!.start;
    if (best && !quoted.some(([from, to]) => start >= from && start < to)) {
      const end = words[i + best.length - 1]!.end;
      matches.push({ index: start, text: text.slice(start, end).replace(/\s+/g, ' '), term: best.term });
      i += best.length;
    } else i++;
  }
  return matches;
}

export async function loadGlossary(t: Translate, file = GLOSSARY_FILE): Promise<{ glossary?: Glossary; problems: Problem[] }> {
  const source = await readSource(file, t);
  if (!source.doc || source.value === undefined) return { problems: source.problems };
  const validate = await compileSchema('glossary');
  if (!validate(source.value)) return { problems: schemaProblems(validate.errors ?? [], { file, doc: source.doc, lines: source.lines }, t) };
  return { glossary: source.value as Glossary, problems: [] };
}

// Problems of the glossary file itself are reported with the first translation
// checked against each version of it, not once per lesson, and as warnings: the
// same validation runs before a learner opens a lesson, and a typo in the
// glossary must not stop anyone from learning (`--strict` still fails CI).
const reportedVersions = new Set<string>();

async function glossaryFileProblems(problems: Problem[], file: string): Promise<Problem[]> {
  if (problems.length === 0) return [];
  const info = await stat(file).catch(() => undefined);
  const version = `${file}:${info?.size ?? '-'}:${info?.mtimeMs ?? '-'}`;
  if (reportedVersions.has(version)) return [];
  reportedVersions.add(version);
  return problems.map((p) => ({ ...p, severity: 'warning' }));
}

/**
 * `glossary-term` warnings for a translation file already parsed by readSource,
 * positioned at the offending words. A broken glossary is reported too, never
 * silently ignored.
 */
export async function glossaryProblems(source: ParsedSource, lang: Lang, t: Translate, file = GLOSSARY_FILE): Promise<Problem[]> {
  if (!source.doc) return [];
  const loaded = await loadGlossary(t, file);
  const problems = await glossaryFileProblems(loaded.problems, file);
  const glossary = loaded.glossary;
  if (!glossary || glossary.lang !== lang) return problems;
  // The raw text, not the parsed value: block scalars fold and re-indent lines,
  // and the warning must point at the word where the author typed it.
  const text = await readFile(source.file, 'utf8');
  const found = [...problems];
  visit(source.doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
      const [from, to] = node.range;
      for (const match of findGlossaryTerms(text.slice(from, to), glossary)) {
        const message = t('val.glossaryTerm', { found: match.text, preferred: match.term.use });
        found.push(problemAt(source.file, source.lines, from + match.index, 'warning', 'glossary-term', message));
      }
    },
  });
  return found;
}
