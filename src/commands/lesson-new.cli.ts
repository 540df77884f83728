// `safestep lesson new`: its arguments, options and help.

import { defineCommand, required, requiredArg, value } from './spec.js';

export const spec = defineCommand({
  name: 'lesson new',
  summary: { en: 'create a new lesson from a template', ru: 'создать новый урок по шаблону' },
  args: [
    requiredArg('<id>', { en: 'id for the new lesson, in kebab-case', ru: 'id нового урока, латиницей через дефис' }),
  ],
  options: {
    topic: required('--topic <topic>', { en: 'topic: communications, financial, identity, devices, repression, wellbeing', ru: 'тема: communications, financial, identity, devices, repression, wellbeing' }),
    dir: value('--dir <dir>', { en: 'lessons folder to create it in (default: ./lessons)', ru: 'папка с уроками, где его создать (по умолчанию ./lessons)' }),
  },
});
