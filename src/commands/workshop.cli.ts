// `safestep workshop`: a group of commands; its subcommands do the work.
import { defineGroup } from './spec.js';

export const spec = defineGroup('workshop', { en: 'workshop plans for trainers', ru: 'планы тренингов для тренеров' });
