// `safestep progress reset`: its arguments, options and help.

import { defineCommand, flag, optionalArg } from './spec.js';

export const spec = defineCommand({
  name: 'progress reset',
  summary: { en: 'forget progress for one lesson, or --all', ru: 'сбросить прогресс одного урока или всех (--all)' },
  args: [
    optionalArg('[id]', { en: 'lesson id (see: safestep lessons)', ru: 'id урока (см. safestep lessons)' }),
  ],
  options: {
    all: flag('--all', { en: 'all lessons, and your plan answers', ru: 'все уроки и ответы для плана' }),
    yes: flag('--yes', { en: 'do not ask for confirmation (for scripts)', ru: 'не спрашивать подтверждения (для скриптов)' }),
  },
});
