import { scenarioProgram } from './cli-program';

/**
 * The offline runner: the bundled AN files only. `npm run scenario` runs the server's wrapper
 * (server/src/cli/scenario.ts), the same program plus `--database` for the citizens'
 * votes, which this workspace cannot read without importing the server (a dependency cycle).
 */
await scenarioProgram().parseAsync();
