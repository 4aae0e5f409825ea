import { asc, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { makeUser } from '$tests/factories/users';
import type { AppUser } from '../auth/users';
import type { DatabaseHandle } from '../db';
import { auditEvents } from '../db/schema';
import {
	addReason,
	listReasons,
	moveReasonBy,
	renameReason,
	setReasonActive
} from './control-reasons';

describe.each(ENGINES)('the reasons list, on %s', (engine) => {
	let handle: DatabaseHandle;
	let auditor: AppUser;

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		auditor = await makeUser(handle.db, 'auditor', 'auditor@example.lv');
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('lists the defaults on an empty database, which stores none of them', async () => {
		const list = await listReasons(handle.db);
		expect(list.map((r) => r.code)).toContain('no_boarding_pass');
		expect(list.every((r) => r.active)).toBe(true);
	});

	it('adds, renames, moves, retires and restores, each audited', async () => {
		const { db } = handle;
		expect(await addReason(db, auditor, { labelLv: ' ', labelEn: 'Late' })).toEqual({
			ok: false,
			error: { code: 'label_missing' }
		});
		expect(
			await addReason(db, auditor, { labelLv: 'Novēlots rēķins', labelEn: 'Late invoice' })
		).toEqual({ ok: true });
		let list = await listReasons(db);
		expect(list.at(-1)).toMatchObject({ code: 'late_invoice', labelLv: 'Novēlots rēķins' });
		await renameReason(db, auditor, 'no_boarding_pass', {
			labelLv: 'Nav iekāpšanas kartes (oriģināla)',
			labelEn: 'No boarding pass (original)'
		});
		await moveReasonBy(db, auditor, 'late_invoice', -1);
		await setReasonActive(db, auditor, 'other', false);
		list = await listReasons(db);
		expect(list.find((r) => r.code === 'no_boarding_pass')!.labelEn).toBe(
			'No boarding pass (original)'
		);
		expect(list.map((r) => r.code).slice(-2)).toEqual(['late_invoice', 'other']);
		expect(list.find((r) => r.code === 'other')!.active).toBe(false);
		await setReasonActive(db, auditor, 'other', true);
		expect((await listReasons(db)).find((r) => r.code === 'other')!.active).toBe(true);
		expect(await setReasonActive(db, auditor, 'nothing', false)).toEqual({
			ok: false,
			error: { code: 'reason_unknown' }
		});
		const events = await db
			.select({ action: auditEvents.action, objectId: auditEvents.objectId })
			.from(auditEvents)
			.where(like(auditEvents.action, 'control-reason.%'))
			.orderBy(asc(auditEvents.seq));
		expect(events).toEqual([
			{ action: 'control-reason.add', objectId: 'late_invoice' },
			{ action: 'control-reason.rename', objectId: 'no_boarding_pass' },
			{ action: 'control-reason.reorder', objectId: 'late_invoice' },
			{ action: 'control-reason.retire', objectId: 'other' },
			{ action: 'control-reason.restore', objectId: 'other' }
		]);
	});
});
