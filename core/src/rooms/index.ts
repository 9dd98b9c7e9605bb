/**
 * Workshop rooms (issue 12): a facilitator runs a deck of questions, participants vote from their
 * phones, and the reveal shows what a bloc of K MaVoix deputies casting the room's split would
 * have changed. Pure: the server persists the state and broadcasts the views.
 */
export * from './join-code';
export * from './errors';
export * from './reveal';
export * from './machine';
export * from './teams';
export * from './scores';
export * from './views';
export * from './questions';
