/** Every drizzle schema file, for the ORM and for drizzle-kit (server/drizzle.config.ts). */
export * from './an';
export * from './citizens';
export * from './sync';
export * from './profiles';
export * from './rooms';
export * from './elections';
export * from './agenda';
// Issue 10 (one person, one vote across deletions):
export * from './identity';
