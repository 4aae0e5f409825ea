/**
 * The reasons list as the office keeps it: the stored rows over the defaults, and the auditor's
 * edits (add, rename, reorder, retire or restore), each audited. A reason is never deleted: one a
 * finding has named must still read as it did.
 */
import { asc, eq } from 'drizzle-orm';
import {
	isDefaultReason,
	mergeReasons,
	moveReason,
	reasonCodeFor,
	type ControlReason
} from '$lib/domain/control/control-reasons';
import type { Database, Queryable, Transaction } from '../db';
import { controlReasons } from '../db/schema';
import { recordAudit, type Actor } from '../audit/record-audit';

export type ReasonFailure = { code: 'label_missing' } | { code: 'reason_unknown' };
export type ReasonResult = { ok: true } | { ok: false; error: ReasonFailure };

async function storedReasons(db: Queryable): Promise<ControlReason[]> {
	return db
		.select({
			code: controlReasons.code,
			labelLv: controlReasons.labelLv,
			labelEn: controlReasons.labelEn,
			position: controlReasons.position,
			active: controlReasons.active
		})
		.from(controlReasons)
		.orderBy(asc(controlReasons.position));
}

/** Every reason, retired ones included, in the list's order. */
export async function listReasons(db: Queryable): Promise<ControlReason[]> {
	return mergeReasons(await storedReasons(db));
}

async function upsert(tx: Queryable, reason: ControlReason, by: string): Promise<void> {
	const values = { ...reason, updatedBy: by, updatedAt: new Date() };
	await tx
		.insert(controlReasons)
		.values(values)
		.onConflictDoUpdate({ target: controlReasons.code, set: values });
}

/**
 * Makes sure the reason a finding names has its row (a default used for the first time gets
 * one); false when the code is no reason, or a retired one.
 */
export async function ensureReason(tx: Transaction, code: string, by: string): Promise<boolean> {
	const reason = (await listReasons(tx)).find((r) => r.code === code);
	if (!reason?.active) return false;
	const [stored] = await tx
		.select({ code: controlReasons.code })
		.from(controlReasons)
		.where(eq(controlReasons.code, code));
	if (!stored && isDefaultReason(code)) await upsert(tx, reason, by);
	return true;
}

const trimmed = (labels: { labelLv: string; labelEn: string }) => ({
	labelLv: labels.labelLv.trim(),
	labelEn: labels.labelEn.trim()
});

export async function addReason(
	db: Database,
	actor: Actor,
	labels: { labelLv: string; labelEn: string }
): Promise<ReasonResult> {
	const { labelLv, labelEn } = trimmed(labels);
	if (!labelLv || !labelEn) return { ok: false, error: { code: 'label_missing' } };
	await db.transaction(async (tx) => {
		const list = await listReasons(tx);
		const code = reasonCodeFor(labelEn, new Set(list.map((r) => r.code)));
		const position = Math.max(0, ...list.map((r) => r.position)) + 10;
		const reason = { code, labelLv, labelEn, position, active: true };
		await upsert(tx, reason, actor.email);
		await recordAudit(tx, actor, {
			action: 'control-reason.add',
			objectType: 'control-reason',
			objectId: code,
			after: reason
		});
	});
	return { ok: true };
}

/** Applies `change` to one reason and audits it as `action`. */
async function changeReason(
	db: Database,
	actor: Actor,
	code: string,
	action: string,
	change: (reason: ControlReason, list: ControlReason[]) => ControlReason[]
): Promise<ReasonResult> {
	return db.transaction(async (tx) => {
		const list = await listReasons(tx);
		const before = list.find((r) => r.code === code);
		if (!before) return { ok: false, error: { code: 'reason_unknown' } };
		const changed = change(before, list);
		for (const reason of changed) await upsert(tx, reason, actor.email);
		await recordAudit(tx, actor, {
			action,
			objectType: 'control-reason',
			objectId: code,
			before,
			after: changed.find((r) => r.code === code)
		});
		return { ok: true };
	});
}

export async function renameReason(
	db: Database,
	actor: Actor,
	code: string,
	labels: { labelLv: string; labelEn: string }
): Promise<ReasonResult> {
	const named = trimmed(labels);
	if (!named.labelLv || !named.labelEn) return { ok: false, error: { code: 'label_missing' } };
	return changeReason(db, actor, code, 'control-reason.rename', (r) => [{ ...r, ...named }]);
}

export function moveReasonBy(db: Database, actor: Actor, code: string, by: -1 | 1) {
	return changeReason(db, actor, code, 'control-reason.reorder', (_, list) =>
		moveReason(list, code, by)
	);
}

/** Retires a reason (no new finding may name it) or brings it back. */
export function setReasonActive(db: Database, actor: Actor, code: string, active: boolean) {
	const action = active ? 'control-reason.restore' : 'control-reason.retire';
	return changeReason(db, actor, code, action, (r) => [{ ...r, active }]);
}
