// `safestep workshop check`: its arguments, options and help.

import { defineCommand, requiredArg } from './spec.js';

export const spec = defineCommand({
  name: 'workshop check',
  summary: { en: 'check a workshop plan and print its agenda with start times', ru: 'проверить план тренинга и показать программу со временем начала' },
  args: [
    requiredArg('<plan>', { en: 'workshop plan file (YAML)', ru: 'файл плана тренинга (YAML)' }),
  ],
  options: {},
});
