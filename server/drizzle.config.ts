import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` (from the repo root): SQL migrations from the schema into server/drizzle. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/src/db/schema/index.ts',
  out: './server/drizzle',
});
