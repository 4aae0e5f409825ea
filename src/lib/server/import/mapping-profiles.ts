/** Saved mapping profiles: named, shared by everyone who imports, changed with an audit trail. */
import { asc, eq } from 'drizzle-orm';
import type { ImportKind } from '$lib/domain/import/fields';
import type { MappingProfile } from '$lib/domain/import/profile';
import type { Database, Queryable } from '../db';
import { mappingProfiles } from '../db/schema';
import { recordAudit, type Actor } from '../audit/record-audit';

export interface SavedProfile {
	name: string;
	kind: ImportKind;
	profile: MappingProfile;
}

export async function listProfiles(db: Queryable): Promise<SavedProfile[]> {
	const rows = await db
		.select({
			name: mappingProfiles.name,
			kind: mappingProfiles.kind,
			profile: mappingProfiles.profile
		})
		.from(mappingProfiles)
		.orderBy(asc(mappingProfiles.name));
	return rows.map((row) => ({ ...row, profile: row.profile as MappingProfile }));
}

/** Creates the profile, or replaces the one of that name. */
export async function saveProfile(db: Database, saved: SavedProfile, actor: Actor): Promise<void> {
	await db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(mappingProfiles)
			.where(eq(mappingProfiles.name, saved.name));
		const profile = { ...saved.profile, name: saved.name, kind: saved.kind };
		await tx
			.insert(mappingProfiles)
			.values({ name: saved.name, kind: saved.kind, profile, updatedBy: actor.email })
			.onConflictDoUpdate({
				target: mappingProfiles.name,
				set: { kind: saved.kind, profile, updatedBy: actor.email, updatedAt: new Date() }
			});
		await recordAudit(tx, actor, {
			action: before ? 'profile.update' : 'profile.create',
			objectType: 'mapping-profile',
			objectId: saved.name,
			before: before?.profile ?? null,
			after: profile
		});
	});
}
