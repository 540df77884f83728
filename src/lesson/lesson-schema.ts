// The JSON Schemas of lesson and translation files, built from the step type
// registry: the lesson's own fields are here, each step type brings its own
// fragment. The validator compiles these objects; schema/lesson.schema.json and
// schema/translation.schema.json are the same objects written out for editors
// by `npm run schema` (a test fails when they drift apart).
import { LANGS } from '../i18n/index.js';
import { STEP_MODULES } from './steps/index.js';
import type { StepModule, StepBase } from './steps/types.js';
import { LEVELS, TOPICS } from './types.js';

const SHARED_DEFS = {
  id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 },
  line: { type: 'string', minLength: 1, maxLength: 200 },
  text: { type: 'string', minLength: 1, maxLength: 20000 },
};

const stepDefName = (type: string): string => `${type}Step`;

function stepDef(module: StepModule<StepBase>): object {
  const flow = module.branches ? {} : { next: { $ref: '#/$defs/id' }, end: { type: 'boolean' } };
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'type', ...module.schema.required],
    properties: {
      id: { $ref: '#/$defs/id' },
      type: { const: module.type },
      title: { $ref: '#/$defs/line' },
      sources: { $ref: '#/$defs/stepSources' },
      ...module.schema.properties,
      ...flow,
    },
  };
}

const modules = STEP_MODULES as unknown as readonly StepModule<StepBase>[];

let lessonCache: object | undefined;
let translationCache: object | undefined;

/** Built once, so the compiled validator (cached by identity) is reused. */
export function lessonSchema(): object {
  return (lessonCache ??= {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://safestep.invalid/schema/lesson.schema.json',
    title: 'safestep lesson',
    description: 'A safestep lesson in its source language. See docs/lesson-format.md. Generated from src/lesson/lesson-schema.ts by npm run schema.',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'version', 'lang', 'title', 'summary', 'topic', 'level', 'minutes', 'reviewed', 'audience', 'objectives', 'trainer_notes', 'sources', 'steps'],
    properties: {
      id: { $ref: '#/$defs/id', description: 'Stable kebab-case id; equals the lesson\'s folder name. Progress is keyed by it: never rename a published lesson.' },
      version: { type: 'integer', minimum: 1, description: 'Bump when the meaning of the text changes; translations made for an older version are reported as outdated.' },
      lang: { enum: [...LANGS], description: 'The language this file is written in.' },
      title: { $ref: '#/$defs/line' },
      summary: { $ref: '#/$defs/text', description: 'One or two sentences shown in lesson lists.' },
      topic: { enum: [...TOPICS] },
      level: { enum: [...LEVELS] },
      minutes: { type: 'integer', minimum: 1, maximum: 240, description: 'How long the lesson takes, in minutes.' },
      reviewed: { $ref: '#/$defs/date', description: 'The date the facts were last checked against the sources.' },
      audience: { $ref: '#/$defs/text' },
      requires: { type: 'array', items: { $ref: '#/$defs/id' }, uniqueItems: true, description: 'Ids of lessons to take first.' },
      draft: { const: true, description: 'A lesson being written: learners do not see it in their list. Delete the line to publish, once lesson validate reports no errors.' },
      objectives: { type: 'array', minItems: 1, maxItems: 8, items: { $ref: '#/$defs/text' } },
      trainer_notes: { $ref: '#/$defs/text', description: 'Markdown for trainers: timing, discussion prompts, pitfalls.' },
      sources: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'title', 'url', 'accessed'],
          properties: {
            id: { $ref: '#/$defs/id' },
            title: { $ref: '#/$defs/line' },
            url: { type: 'string', pattern: '^https://[^\\s]+$', maxLength: 2000 },
            accessed: { $ref: '#/$defs/date' },
          },
        },
      },
      steps: { type: 'array', minItems: 1, maxItems: 200, items: { $ref: '#/$defs/step' } },
    },
    $defs: {
      ...SHARED_DEFS,
      date: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' },
      stepType: { enum: modules.map((m) => m.type) },
      stepSources: { type: 'array', items: { $ref: '#/$defs/id' }, uniqueItems: true, description: "Ids of the lesson sources that back this step's claims." },
      // The type is checked first, so an unknown type is one clear error rather than one per shape.
      step: {
        type: 'object',
        required: ['id', 'type'],
        properties: { type: { $ref: '#/$defs/stepType' } },
        allOf: modules.map((m) => ({ if: { properties: { type: { const: m.type } } }, then: { $ref: `#/$defs/${stepDefName(m.type)}` } })),
      },
      ...Object.fromEntries(modules.map((m) => [stepDefName(m.type), stepDef(m)])),
    },
  });
}

/** Every field any step type translates; a step's entry is checked against its own lesson later. */
function stepTranslationFields(): Record<string, object> {
  const fields: Record<string, object> = { title: { $ref: '#/$defs/line' } };
  for (const m of modules) {
    for (const [name, schema] of Object.entries(m.schema.translation)) {
      const known = fields[name];
      if (known && JSON.stringify(known) !== JSON.stringify(schema)) throw new Error(`step types disagree on the translation field "${name}"`);
      fields[name] = schema;
    }
  }
  return fields;
}

export function translationSchema(): object {
  return (translationCache ??= {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://safestep.invalid/schema/translation.schema.json',
    title: 'safestep lesson translation',
    description: 'One language of a lesson, keyed by step, choice, item and option ids. See docs/lesson-format.md. Generated from src/lesson/lesson-schema.ts by npm run schema.',
    type: 'object',
    additionalProperties: false,
    required: ['lang', 'lesson', 'source_version', 'steps'],
    properties: {
      lang: { enum: [...LANGS] },
      lesson: { $ref: '#/$defs/id' },
      source_version: { type: 'integer', minimum: 1, description: 'The lesson version this translation was made from.' },
      title: { $ref: '#/$defs/line' },
      summary: { $ref: '#/$defs/text' },
      audience: { $ref: '#/$defs/text' },
      objectives: { type: 'array', items: { $ref: '#/$defs/text' } },
      trainer_notes: { $ref: '#/$defs/text' },
      steps: {
        type: 'object',
        propertyNames: { $ref: '#/$defs/id' },
        additionalProperties: { type: 'object', additionalProperties: false, properties: stepTranslationFields() },
      },
    },
    $defs: SHARED_DEFS,
  });
}
