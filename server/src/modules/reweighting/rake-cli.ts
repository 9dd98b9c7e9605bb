import { runRake } from './rake-command';

/** Entry point of `npm run rake` (see rake-command.ts). */
const result = runRake(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
