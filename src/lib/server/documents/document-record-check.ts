/**
 * Whether a kept document's row still says what the audit log recorded when it was made: the
 * `document.generate` event's SHA-256, which the keyed chain vouches for. A row (and its bytes)
 * replaced or added behind cofund's back does not pass, however well it matches itself.
 */
import type { Queryable } from '../db';
import { recordedHash } from '../audit/verify-bytes';

/** Null when the record holds; else the hash the log recorded instead (null: no event at all). */
export async function recordMismatch(
	db: Queryable,
	id: number,
	sha256: string
): Promise<{ id: number; logged: string | null } | null> {
	const logged = await recordedHash(db, 'document.generate', id);
	if (logged.length === 1 && logged[0] === sha256) return null;
	return { id, logged: logged.find((hash) => hash !== sha256) ?? null };
}
