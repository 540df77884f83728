// `safestep workshop check`: its arguments, options and help.

import { defineCommand, requiredArg } from './spec.js';

export const spec = defineCommand({
  name: 'workshop check',
  summary: { en: 'check a workshop plan and print its agenda with start times', ru: 'проверить план тренинга и показать программу со временем начала' },
  args: [
    requiredArg('<plan>', { en: 'a shipped plan\'s id (see workshop list) or a plan file (YAML)', ru: 'id готового плана (см. workshop list) или файл плана (YAML)' }),
  ],
  options: {},
});
