// `safestep pack verify`: its arguments, options and help.

import { defineCommand, requiredArg } from './spec.js';

export const spec = defineCommand({
  name: 'pack verify',
  summary: { en: 'check a pack and show who signed it', ru: 'проверить пакет и показать, кто его подписал' },
  args: [
    requiredArg('<file>', { en: 'pack file', ru: 'файл пакета' }),
  ],
  options: {},
});
