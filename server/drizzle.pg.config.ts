import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` (from the repo root): the PostgreSQL migrations from schema-pg into server/drizzle-pg. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/db/schema-pg/index.ts',
  out: './server/drizzle-pg',
});
