// `safestep workshop show`: its arguments, options and help.

import { defineCommand, requiredArg } from './spec.js';

export const spec = defineCommand({
  name: 'workshop show',
  summary: { en: 'read a whole workshop plan: agenda with start times, notes, room safety, checklist', ru: 'прочитать план тренинга целиком: программа со временем, заметки, безопасность в зале, список дел' },
  args: [
    requiredArg('<plan>', { en: 'a shipped plan\'s id (see workshop list) or a plan file (YAML)', ru: 'id готового плана (см. workshop list) или файл плана (YAML)' }),
  ],
  options: {},
});
