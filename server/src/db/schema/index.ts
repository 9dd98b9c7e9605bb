/** Every drizzle schema file, for the ORM and for drizzle-kit (server/drizzle.config.ts). */
export * from './an';
export * from './citizens';
export * from './sync';
// Issue 10 (one person, one vote across deletions):
export * from './identity';
