/**
 * The key that signs session cookies. COFUND_AUTH_SECRET wins; otherwise one is generated on
 * first start and kept in the database, so every instance on that database shares it and no
 * secret ever sits in the repository.
 */
import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Database } from '../db';
import { appSettings } from '../db/schema';

export async function authSecret(db: Database, env = process.env): Promise<string> {
	if (env.COFUND_AUTH_SECRET?.trim()) return env.COFUND_AUTH_SECRET.trim();
	await db
		.insert(appSettings)
		.values({ key: 'auth_secret', value: randomBytes(32).toString('base64url') })
		.onConflictDoNothing();
	const [row] = await db.select().from(appSettings).where(eq(appSettings.key, 'auth_secret'));
	return row!.value;
}
