/** Entry point of `pnpm cli`: runs the command on the real process and exits with its code. */
import { processDependencies } from './dependencies.js';
import { runCli } from './program.js';

const code = await runCli(process.argv.slice(2), processDependencies());
// Exit as soon as output has drained: the migration engine (WebAssembly) leaves a timer of about
// ten seconds behind, and a command that is done should not wait for it.
process.stdout.write('', () => process.exit(code));
