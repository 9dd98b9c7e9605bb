/** The moderation module's public entry: what boot and other modules may use. */
export { createModerationService, scheduleDetector, type ModerationService } from './service';
export { moderationRepository } from './repository';
