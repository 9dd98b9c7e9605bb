/** The groups module's public entry: what boot and other modules may use. */
export { createGroupsService, type GroupsService } from './service';
export { createGroupsRepository, type GroupsRepository } from './repository';
