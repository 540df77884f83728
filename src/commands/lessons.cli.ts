// `safestep lessons`: its arguments, options and help.

import { defineCommand, flag, value } from './spec.js';

export const spec = defineCommand({
  name: 'lessons',
  summary: { en: 'list lessons with your progress', ru: 'список уроков и ваш прогресс' },
  args: [],
  options: {
    topic: value('--topic <topic>', { en: 'topic: communications, financial, identity, devices, repression, wellbeing', ru: 'тема: communications, financial, identity, devices, repression, wellbeing' }),
    json: flag('--json', { en: 'print JSON for scripts', ru: 'вывести JSON для скриптов' }),
  },
});
