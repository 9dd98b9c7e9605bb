/** The profiles module's public entry (issue 16): what boot and other modules may use. */
export { createProfilesService, type ProfilesService } from './service';
export { profilesRepository } from './repository';
