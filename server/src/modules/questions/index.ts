/** The questions module's public entry: what the platform composition and other modules may use. */
export { createQuestionsService, questionIdOf, type QuestionsService } from './service';
