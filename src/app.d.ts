// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/domain/locale';
import type { AppUser } from '$lib/server/auth/users';
import type { Auth } from '$lib/server/auth/create-auth';
import type { Database } from '$lib/server/db';
import type { RequestTiming } from '$lib/server/timing/request-timing';

declare global {
	namespace App {
		interface Locals {
			db: Database;
			auth: Auth;
			/** The signed-in user, or null; with their projects' codes when read with the session. */
			user: (AppUser & { memberOf?: ReadonlySet<string> }) | null;
			/** The request's session was ended because its account was disabled. */
			sessionEnded: boolean;
			locale: Locale;
			/** The request's stages, timed when COFUND_SERVER_TIMING=1. */
			timing?: RequestTiming;
		}
	}
}

export {};
