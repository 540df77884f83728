import { run } from './cli.js';
import { setCommandName } from './i18n/index.js';
import { invokedAs } from './invocation.js';

setCommandName(invokedAs(process.argv[1], process.env, process.cwd()));
process.exitCode = await run(process.argv.slice(2));
