// `safestep journal`: a group of commands; its subcommands do the work.
import { defineGroup } from './spec.js';

export const spec = defineGroup('journal', { en: 'an encrypted journal of incidents, for lawyers and helplines', ru: 'зашифрованный журнал инцидентов для юристов и горячих линий' });
