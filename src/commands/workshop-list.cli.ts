// `safestep workshop list`: its arguments, options and help.

import { defineCommand, flag } from './spec.js';

export const spec = defineCommand({
  name: 'workshop list',
  summary: { en: 'list the ready workshop plans that come with safestep', ru: 'показать готовые планы тренингов, которые входят в safestep' },
  args: [],
  options: {
    json: flag('--json', { en: 'print JSON for scripts', ru: 'вывести JSON для скриптов' }),
  },
});
