// `safestep journal wipe`: its arguments, options and help.

import { defineCommand, flag } from './spec.js';

export const spec = defineCommand({
  name: 'journal wipe',
  summary: { en: 'delete the whole journal', ru: 'удалить весь журнал' },
  args: [],
  options: {
    yes: flag('--yes', { en: 'do not ask for confirmation', ru: 'не спрашивать подтверждения' }),
  },
});
