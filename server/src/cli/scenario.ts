import { scenarioProgram } from '@parallele/scenarios';
import { loadConfig } from '../config';
import { openStorePlatformVotes } from '../modules/scenarios';

/**
 * `npm run scenario -- scenarios/NAME.yaml [--out DIR] [--json] [--database file:…]`, or `--all`:
 * the scenarios runner with the citizens' votes of a store (`--database`, else DATABASE_URL) for
 * `split.source: platform`. It lives in the server because scenarios may not import the server
 * (the server imports scenarios for the gallery); without a store it is the offline runner.
 */
// The tallies are read like the server counts them (TALLY_VERIFIED_LEVEL), only when a store is opened.
const verifiedLevel = () => loadConfig(process.env, undefined, { citizens: false }).TALLY_VERIFIED_LEVEL;
await scenarioProgram({ openPlatformVotes: (url) => openStorePlatformVotes(url, verifiedLevel()) }).parseAsync();
