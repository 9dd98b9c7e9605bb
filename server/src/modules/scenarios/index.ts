/** The scenarios module's public entry: what boot and other modules may use. */
export { createScenariosService, warmScenarios, type ScenariosService, type ScenariosServiceOptions } from './service';
export { platformTalliesOf, platformVotesOf, type AsyncPlatformVotes, type PlatformTallies } from './platform-votes';
export { openStorePlatformVotes } from './platform-votes';
