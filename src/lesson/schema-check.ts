// JSON Schema validation with ajv, errors turned into positioned problems. The
// same schema files ship in schema/ for editors, so authors and the validator
// never disagree.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Document } from 'yaml';
import type { LineCounter } from 'yaml';
import { PACKAGE_ROOT } from '../paths.js';
import type { Translate } from '../i18n/index.js';
import type { Problem } from './types.js';
import { offsetOf, problemAt, type PathSegment } from './yaml-source.js';

export type SchemaName = 'lesson' | 'translation' | 'contacts' | 'plan' | 'workshop' | 'glossary';

interface AjvLike {
  compile(schema: object): ValidateFunction;
}

let ajvPromise: Promise<AjvLike> | undefined;
const compiled = new Map<string, ValidateFunction>();

async function getAjv(): Promise<AjvLike> {
  ajvPromise ??= import('ajv').then((mod) => {
    const Ajv = mod.default as unknown as new (opts: object) => AjvLike;
    return new Ajv({ allErrors: true, strict: false });
  });
  return ajvPromise;
}

export async function compileSchema(name: SchemaName): Promise<ValidateFunction> {
  const existing = compiled.get(name);
  if (existing) return existing;
  const file = path.join(PACKAGE_ROOT, 'schema', `${name}.schema.json`);
  const fn = (await getAjv()).compile(JSON.parse(readFileSync(file, 'utf8')) as object);
  compiled.set(name, fn);
  return fn;
}

/** Compiles an inline schema such as a check's options schema; cached by identity. */
const inlineCache = new WeakMap<object, ValidateFunction>();
export async function compileInline(schema: object): Promise<ValidateFunction> {
  let fn = inlineCache.get(schema);
  if (!fn) {
    fn = (await getAjv()).compile(schema);
    inlineCache.set(schema, fn);
  }
  return fn;
}

function pathOf(instancePath: string): PathSegment[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function schemaProblems(
  errors: readonly ErrorObject[],
  target: { file: string; doc: Document.Parsed; lines: LineCounter },
  t: Translate,
  basePath: readonly PathSegment[] = [],
): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'allOf') continue;
    let where = [...basePath, ...pathOf(error.instancePath)];
    let wantKey = false;
    let code = 'schema';
    let message: string;
    const params = error.params as Record<string, unknown>;
    const field = String(where[where.length - 1] ?? '');
    switch (error.keyword) {
      case 'required':
        message = t('val.schema.required', { field: String(params.missingProperty) });
        break;
      case 'additionalProperties':
        where = [...where, String(params.additionalProperty)];
        wantKey = true;
        message = t('val.schema.unknownField', { field: String(params.additionalProperty) });
        break;
      case 'enum':
        if (where.length === 3 && where[0] === 'steps' && field === 'type') {
          code = 'unknown-step-type';
          message = t('val.unknownStepType', { allowed: (params.allowedValues as string[]).join(', ') });
        } else {
          // In a list the index means nothing to the author: name the value ("de" must be one of: en, ru).
          const shown = /^\d+$/.test(field) ? String(target.doc.getIn(where) ?? field) : field;
          message = t('val.schema.enum', { field: shown, allowed: (params.allowedValues as unknown[]).join(', ') });
        }
        break;
      case 'type':
        message = t('val.schema.type', { field, type: String(params.type) });
        break;
      case 'pattern':
        message = t(patternMessage(field, String(params.pattern)), { field });
        break;
      case 'minItems':
      case 'minLength':
        message = t('val.schema.tooFew', { field, limit: Number(params.limit) });
        break;
      case 'maxItems':
      case 'maxLength':
        message = t('val.schema.tooMany', { field, limit: Number(params.limit) });
        break;
      case 'minimum':
      case 'maximum':
        message = t('val.schema.range', { field, limit: Number(params.limit), comparison: String(params.comparison) });
        break;
      case 'propertyNames':
        continue; // reported again, more precisely, as a pattern error on the name
      default:
        message = t('val.schema.other', { field, detail: error.message ?? error.keyword });
    }
    const key = `${where.join('/')}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problemAt(target.file, target.lines, offsetOf(target.doc, where, wantKey), 'error', code, message));
  }
  return problems;
}

/** The pattern every id in safestep files follows (kebab-case). */
const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

function patternMessage(field: string, pattern: string): 'val.schema.id' | 'val.schema.date' | 'val.schema.url' | 'val.schema.pattern' {
  if (field === 'reviewed' || field === 'accessed') return 'val.schema.date';
  if (field === 'url') return 'val.schema.url';
  // Any field checked against the id pattern (id, goto, next, a step's check, a list of ids) is an id.
  if (pattern === ID_PATTERN || /^\d+$/.test(field)) return 'val.schema.id';
  return 'val.schema.pattern';
}
