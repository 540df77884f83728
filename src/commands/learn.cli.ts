// `safestep learn`: its arguments, options and help.

import { defineCommand, flag, requiredArg } from './spec.js';

export const spec = defineCommand({
  name: 'learn',
  summary: { en: 'take a lesson (continues where you stopped)', ru: 'пройти урок (с того места, где вы остановились)' },
  args: [
    requiredArg('<id>', { en: 'lesson id (see: safestep lessons)', ru: 'id урока (см. safestep lessons)' }),
  ],
  options: {
    restart: flag('--restart', { en: 'start the lesson again from the beginning', ru: 'пройти урок заново с начала' }),
  },
});
