/**
 * The instance's letterhead (the municipality's name and logo), one row set by an admin. Every
 * change is audited with the names and the logo's SHA-256 and size, never its bytes.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LetterheadData, LogoType } from '$lib/domain/office/letterhead';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { Database, Queryable } from '../db';
import { officeSettings } from '../db/schema';

export interface Letterhead {
	nameLv: string;
	nameEn: string;
	logo: { type: LogoType; bytes: Uint8Array } | null;
	updatedBy: string;
	updatedAt: Date;
}

/** What to change: names always; the logo kept (`keep`), replaced, or removed (`null`). */
export interface LetterheadChange {
	nameLv: string;
	nameEn: string;
	logo: 'keep' | null | { type: LogoType; bytes: Uint8Array };
}

export async function loadLetterhead(db: Queryable): Promise<Letterhead | null> {
	const [row] = await db.select().from(officeSettings).where(eq(officeSettings.id, 1));
	if (!row) return null;
	return {
		nameLv: row.nameLv,
		nameEn: row.nameEn,
		logo: row.logo && row.logoType ? { type: row.logoType as LogoType, bytes: row.logo } : null,
		updatedBy: row.updatedBy,
		updatedAt: row.updatedAt
	};
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What the audit log keeps of a letterhead. */
const audited = (l: Pick<Letterhead, 'nameLv' | 'nameEn' | 'logo'> | null) =>
	l
		? {
				name_lv: l.nameLv,
				name_en: l.nameEn,
				logo: l.logo ? `${l.logo.type}, ${l.logo.bytes.length} B, ${sha256(l.logo.bytes)}` : null
			}
		: null;

export async function saveLetterhead(
	db: Database,
	actor: Actor,
	change: LetterheadChange
): Promise<void> {
	await db.transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(officeSettings)
			.where(eq(officeSettings.id, 1))
			.for('update');
		const before = row ? await loadLetterhead(tx) : null;
		const logo = change.logo === 'keep' ? (before?.logo ?? null) : change.logo;
		const values = {
			nameLv: change.nameLv,
			nameEn: change.nameEn,
			logoType: logo?.type ?? null,
			logo: logo?.bytes ?? null,
			updatedBy: actor.email,
			updatedAt: new Date()
		};
		await tx
			.insert(officeSettings)
			.values({ id: 1, ...values })
			.onConflictDoUpdate({ target: officeSettings.id, set: values });
		await recordAudit(tx, actor, {
			action: 'office.update',
			objectType: 'office',
			objectId: 'letterhead',
			before: audited(before),
			after: audited({ nameLv: change.nameLv, nameEn: change.nameEn, logo })
		});
	});
}

/** The letterhead as a document's data holds it, or null when none is set. */
export function letterheadData(letterhead: Letterhead | null): LetterheadData | null {
	if (!letterhead) return null;
	return {
		name: { lv: letterhead.nameLv, en: letterhead.nameEn || letterhead.nameLv },
		logo: letterhead.logo
			? {
					type: letterhead.logo.type,
					base64: Buffer.from(letterhead.logo.bytes).toString('base64')
				}
			: null
	};
}
