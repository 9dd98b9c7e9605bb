/** The scenarios module's public entry: what boot and other modules may use. */
export { createScenariosService, warmScenarios, type ScenariosService, type ScenariosServiceOptions } from './service';
export { platformVotesOf } from './platform-votes';
export { openStorePlatformVotes } from './platform-votes';
