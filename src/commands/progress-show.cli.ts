// `safestep progress`: its arguments, options and help.

import { defineCommand, flag } from './spec.js';

export const spec = defineCommand({
  name: 'progress',
  summary: { en: 'show your progress', ru: 'показать ваш прогресс' },
  args: [],
  options: {
    json: flag('--json', { en: 'print JSON for scripts', ru: 'вывести JSON для скриптов' }),
  },
});
