import { defineConfig } from 'drizzle-kit';

// One schema and one migration history serve PGlite and PostgreSQL alike.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema.ts',
	out: './src/lib/server/db/migrations',
	strict: true,
	verbose: true
});
