/**
 * Tells a lost database connection from every other failure: the server went away, was
 * restarted, or an administrator ended the session. The request that met it fails on its own
 * (its transaction never committed, so nothing of it was saved), and the pool opens a new
 * connection for the next one.
 */

/** postgres.js's own codes for a socket that closed under a query. */
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECTION_ENDED']);
/** Node's socket errors. */
const SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);
/** PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, connection_failure (08…). */
const SQLSTATE = /^(57P0[123]|08\d\d\d)$/;

function codeOf(error: unknown): string | undefined {
	if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
	return typeof error.code === 'string' ? error.code : undefined;
}

export function isConnectionLost(error: unknown): boolean {
	for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
		const code = codeOf(e);
		if (code && (DRIVER_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code))) {
			return true;
		}
		// Drizzle wraps the driver's error as the cause of its own.
		e = typeof e === 'object' && 'cause' in e ? e.cause : undefined;
	}
	return false;
}
