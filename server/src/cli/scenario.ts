import { scenarioProgram } from '@parallele/scenarios';
import { openStorePlatformVotes } from '../modules/scenarios';

/**
 * `npm run scenario -- scenarios/NAME.yaml [--out DIR] [--json] [--database file:…]`, or `--all`:
 * the scenarios runner with the citizens' votes of a store (`--database`, else DATABASE_URL) for
 * `split.source: platform`. It lives in the server because scenarios may not import the server
 * (the server imports scenarios for the gallery); without a store it is the offline runner.
 */
await scenarioProgram({ openPlatformVotes: (url) => openStorePlatformVotes(url) }).parseAsync();
