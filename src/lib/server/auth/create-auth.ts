/** better-auth, configured for cofund: email and password only, sessions in the database. */
import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Database } from '../db';
import { accounts, rateLimits, sessions, users, verifications } from '../db/schema';

export const SESSION_HOURS = 8;

export interface AuthOptions {
	secret: string;
	baseURL: string;
	plugins?: BetterAuthPlugin[];
}

export function createAuth(db: Database, options: AuthOptions) {
	return betterAuth({
		appName: 'cofund',
		secret: options.secret,
		baseURL: options.baseURL,
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: {
				user: users,
				session: sessions,
				account: accounts,
				verification: verifications,
				rateLimit: rateLimits
			}
		}),
		emailAndPassword: {
			enabled: true,
			// Accounts are made by an admin or by set-up, never by visitors.
			disableSignUp: true,
			minPasswordLength: 10,
			maxPasswordLength: 256
		},
		user: {
			additionalFields: {
				role: { type: 'string', required: true, defaultValue: 'council', input: false }
			}
		},
		session: {
			expiresIn: SESSION_HOURS * 60 * 60,
			updateAge: 60 * 60
		},
		advanced: {
			cookiePrefix: 'cofund',
			useSecureCookies: options.baseURL.startsWith('https://'),
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' }
		},
		telemetry: { enabled: false },
		plugins: options.plugins ?? []
	});
}

export type Auth = ReturnType<typeof createAuth>;
