// `safestep workshop run`: its arguments, options and help.

import { defineCommand, flag, requiredArg } from './spec.js';

export const spec = defineCommand({
  name: 'workshop run',
  summary: { en: 'presenter mode for a projector: one step at a time, with a timer', ru: 'режим презентации для проектора: по одному шагу, с таймером' },
  args: [
    requiredArg('<plan>', { en: 'a shipped plan\'s id (see workshop list) or a plan file (YAML)', ru: 'id готового плана (см. workshop list) или файл плана (YAML)' }),
  ],
  options: {
    restart: flag('--restart', { en: 'start from the first slide instead of where you stopped', ru: 'начать с первого слайда, а не с места остановки' }),
  },
});
