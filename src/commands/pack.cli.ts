// `safestep pack`: a group of commands; its subcommands do the work.
import { defineGroup } from './spec.js';

export const spec = defineGroup('pack', { en: 'signed lesson packs: make, check, install', ru: 'подписанные пакеты уроков: создать, проверить, установить' });
