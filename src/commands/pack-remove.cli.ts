// `safestep pack remove`: its arguments, options and help.

import { defineCommand, requiredArg } from './spec.js';

export const spec = defineCommand({
  name: 'pack remove',
  summary: { en: 'remove an installed pack', ru: 'удалить установленный пакет' },
  args: [
    requiredArg('<pack-id>', { en: 'pack id (see: safestep pack list)', ru: 'id пакета (см. safestep pack list)' }),
  ],
  options: {},
});
