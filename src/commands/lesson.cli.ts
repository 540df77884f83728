// `safestep lesson`: a group of commands; its subcommands do the work.
import { defineGroup } from './spec.js';

export const spec = defineGroup('lesson', { en: 'tools for people who write lessons', ru: 'инструменты для авторов уроков' });
