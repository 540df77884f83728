// `safestep start`: its arguments, options and help.

import { defineCommand, flag } from './spec.js';

export const spec = defineCommand({
  name: 'start',
  summary: { en: 'a few private questions, then a learning path made for you', ru: 'несколько личных вопросов и план уроков именно для вас' },
  args: [],
  options: {
    show: flag('--show', { en: 'show the saved plan without asking again', ru: 'показать сохранённый план, не спрашивая заново' }),
    json: flag('--json', { en: 'print JSON for scripts', ru: 'вывести JSON для скриптов' }),
  },
});
