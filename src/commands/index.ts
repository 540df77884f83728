// The commands, in the order `safestep --help` lists them. Adding a command:
// write `<name>.ts` (its body) and `<name>.cli.ts` (its spec), add a test, and
// add one line here. Bodies load only when their command runs.
import { command, group, type Registered } from './spec.js';
import { spec as start } from './start.cli.js';
import { spec as lessons } from './lessons.cli.js';
import { spec as learn } from './learn.cli.js';
import { spec as progressShow } from './progress-show.cli.js';
import { spec as progressReset } from './progress-reset.cli.js';
import { spec as progressExport } from './progress-export.cli.js';
import { spec as progressImport } from './progress-import.cli.js';
import { spec as lesson } from './lesson.cli.js';
import { spec as lessonValidate } from './lesson-validate.cli.js';
import { spec as lessonNew } from './lesson-new.cli.js';
import { spec as lessonPreview } from './lesson-preview.cli.js';
import { spec as workshop } from './workshop.cli.js';
import { spec as workshopCheck } from './workshop-check.cli.js';
import { spec as workshopRun } from './workshop-run.cli.js';
import { spec as workshopList } from './workshop-list.cli.js';
import { spec as workshopShow } from './workshop-show.cli.js';
import { spec as exportHandouts } from './export.cli.js';
import { spec as pack } from './pack.cli.js';
import { spec as packKeygen } from './pack-keygen.cli.js';
import { spec as packBuild } from './pack-build.cli.js';
import { spec as packVerify } from './pack-verify.cli.js';
import { spec as packInstall } from './pack-install.cli.js';
import { spec as packList } from './pack-list.cli.js';
import { spec as packRemove } from './pack-remove.cli.js';
import { spec as journal } from './journal.cli.js';
import { spec as journalAdd } from './journal-add.cli.js';
import { spec as journalList } from './journal-list.cli.js';
import { spec as journalShow } from './journal-show.cli.js';
import { spec as journalVerify } from './journal-verify.cli.js';
import { spec as journalExport } from './journal-export.cli.js';
import { spec as journalWipe } from './journal-wipe.cli.js';
import { spec as contacts } from './contacts.cli.js';
import { spec as audit } from './audit.cli.js';
import { spec as check } from './check.cli.js';
import { spec as scrub } from './scrub.cli.js';
import { spec as passphrase } from './passphrase.cli.js';
import { spec as forget } from './forget.cli.js';

export const COMMANDS: readonly Registered[] = [
  command(start, () => import('./start.js')),
  command(lessons, () => import('./lessons.js')),
  command(learn, () => import('./learn.js')),
  command(progressShow, () => import('./progress-show.js')),
  command(progressReset, () => import('./progress-reset.js')),
  command(progressExport, () => import('./progress-export.js')),
  command(progressImport, () => import('./progress-import.js')),
  group(lesson),
  command(lessonValidate, () => import('./lesson-validate.js')),
  command(lessonNew, () => import('./lesson-new.js')),
  command(lessonPreview, () => import('./lesson-preview.js')),
  group(workshop),
  command(workshopList, () => import('./workshop-list.js')),
  command(workshopShow, () => import('./workshop-show.js')),
  command(workshopCheck, () => import('./workshop-check.js')),
  command(workshopRun, () => import('./workshop-run.js')),
  command(exportHandouts, () => import('./export.js')),
  group(pack),
  command(packKeygen, () => import('./pack-keygen.js')),
  command(packBuild, () => import('./pack-build.js')),
  command(packVerify, () => import('./pack-verify.js')),
  command(packInstall, () => import('./pack-install.js')),
  command(packList, () => import('./pack-list.js')),
  command(packRemove, () => import('./pack-remove.js')),
  group(journal),
  command(journalAdd, () => import('./journal-add.js')),
  command(journalList, () => import('./journal-list.js')),
  command(journalShow, () => import('./journal-show.js')),
  command(journalVerify, () => import('./journal-verify.js')),
  command(journalExport, () => import('./journal-export.js')),
  command(journalWipe, () => import('./journal-wipe.js')),
  command(contacts, () => import('./contacts.js')),
  command(audit, () => import('./audit.js')),
  command(check, () => import('./check.js')),
  command(scrub, () => import('./scrub.js')),
  command(passphrase, () => import('./passphrase.js')),
  command(forget, () => import('./forget.js')),
];
