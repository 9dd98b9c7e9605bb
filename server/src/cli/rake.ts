import { runRake } from '../modules/reweighting';

/**
 * `npm run rake -- --sample FILE.csv [--margins FILE.json] [--trim LO,HI | --trim none] [--json]`
 * (issue 16): rakes a CSV of respondents to population margins. The command itself is a function
 * of its arguments (modules/reweighting/rake-command.ts, tested in-process); this is its entry point.
 */
const result = runRake(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
