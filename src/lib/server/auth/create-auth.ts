/** better-auth, configured for cofund: email and password only, sessions in the database. */
import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { accounts, rateLimits, sessions, users, verifications } from '../db/schema';

export const SESSION_HOURS = 8;

/** The error code a correct password for a disabled account is refused with. */
export const ACCOUNT_DISABLED = 'ACCOUNT_DISABLED';

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
				role: { type: 'string', required: true, defaultValue: 'council', input: false },
				disabled: { type: 'boolean', required: false, defaultValue: false, input: false }
			}
		},
		databaseHooks: {
			session: {
				create: {
					// As better-auth's admin plugin refuses a banned user: no session, whatever the way in.
					async before(session) {
						const [row] = await db
							.select({ disabled: users.disabled })
							.from(users)
							.where(eq(users.id, session.userId));
						if (row?.disabled) {
							throw APIError.from('FORBIDDEN', {
								message: 'account disabled',
								code: ACCOUNT_DISABLED
							});
						}
					}
				}
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
