// `safestep pack install`: its arguments, options and help.

import { defineCommand, flag, requiredArg } from './spec.js';

export const spec = defineCommand({
  name: 'pack install',
  summary: { en: 'check a pack and install its lessons', ru: 'проверить пакет и установить его уроки' },
  args: [
    requiredArg('<file>', { en: 'pack file', ru: 'файл пакета' }),
  ],
  options: {
    allowUnsigned: flag('--allow-unsigned', { en: 'install a pack that has no signature', ru: 'установить пакет без подписи' }),
    yes: flag('--yes', { en: 'trust a new signer without asking (check the fingerprint first)', ru: 'доверять новому автору без вопроса (сначала сверьте отпечаток)' }),
  },
});
