import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importGeneratedLedger, importSample } from '$tests/factories/imports';
import { applySolidAndOther } from '$tests/factories/projects';
import { makeUser } from '$tests/factories/users';
import { sha256Of, checkedOriginal } from '../audit/checked-download';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { AppUser } from '../auth/users';
import type { DatabaseHandle } from '../db';
import { auditEvents, expenses, findingEntries, projects } from '../db/schema';
import { bytesSource, storedSource } from '../import/byte-source';
import { revertImport } from '../import/revert-import';
import { expenseRows } from '../dashboard/expense-rows';
import { listReasons } from './control-reasons';
import { evidenceFile, findingOf, findingThread } from './finding-read';
import { recordFinding, type FindingInput } from './finding-record';

describe.each(ENGINES)('findings on SOLID’s expenses, on %s', (engine) => {
	let handle: DatabaseHandle;
	let auditor: AppUser;
	let coordinator: AppUser;
	let council: AppUser;
	let outsider: AppUser;
	let rows: { id: number; amountCents: number }[];
	let solidId: number;

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		const { db } = handle;
		await applySolidAndOther(db);
		auditor = await makeUser(db, 'auditor', 'auditor@example.lv', ['SOLID']);
		coordinator = await makeUser(db, 'coordinator', 'coordinator@example.lv', ['SOLID']);
		council = await makeUser(db, 'council', 'council@example.lv', ['SOLID']);
		outsider = await makeUser(db, 'auditor', 'outsider@example.lv', ['OTHER']);
		await importSample(db, 'expenses');
		const [solid] = await db.select().from(projects).where(eq(projects.code, 'SOLID'));
		solidId = solid!.id;
		rows = await db
			.select({ id: expenses.id, amountCents: expenses.amountCents })
			.from(expenses)
			.where(and(eq(expenses.projectId, solidId), isNull(expenses.revertedAt)))
			.orderBy(asc(expenses.date), asc(expenses.id));
	});
	afterAll(async () => {
		await handle?.close();
	});

	const act = (who: AppUser, input: Omit<FindingInput, 'code'>) =>
		recordFinding(handle.db, who, { code: 'SOLID', ...input });
	const audited = async (expenseId: number) =>
		handle.db
			.select()
			.from(auditEvents)
			.where(
				and(eq(auditEvents.objectType, 'expense'), eq(auditEvents.objectId, String(expenseId)))
			)
			.orderBy(asc(auditEvents.seq));

	it('verifies an expense, audited with before and after', async () => {
		const id = rows[0]!.id;
		expect(
			await act(auditor, { expenseId: id, version: 0, request: { action: 'verify' } })
		).toEqual({
			ok: true,
			version: 1
		});
		expect((await findingOf(handle.db, id)).state).toBe('verified');
		const [event] = await audited(id);
		expect(event).toMatchObject({
			action: 'finding.verify',
			before: { project: 'SOLID', finding: null }
		});
		expect(event!.after).toMatchObject({ finding: { state: 'verified', deductedCents: 0 } });
	});

	it('queries, takes the coordinator’s answer with a file kept byte for byte, then closes', async () => {
		const id = rows[1]!.id;
		const bytes = new Uint8Array([0, 1, 2, 255, 0x0d, 0x0a, 0xc4, 0x81]);
		let r = await act(auditor, {
			expenseId: id,
			version: 0,
			request: { action: 'query', text: 'Where is the boarding pass?' }
		});
		expect(r).toEqual({ ok: true, version: 1 });
		r = await act(coordinator, {
			expenseId: id,
			version: 1,
			request: { action: 'answer', text: 'Attached.', files: 1 },
			files: [bytesSource('iekāpšanas karte.pdf', bytes)]
		});
		expect(r).toEqual({ ok: true, version: 2 });
		expect(
			await act(coordinator, { expenseId: id, version: 2, request: { action: 'close' } })
		).toEqual({ ok: false, error: { code: 'not_allowed', action: 'close' } });
		expect(await act(auditor, { expenseId: id, version: 2, request: { action: 'close' } })).toEqual(
			{
				ok: true,
				version: 3
			}
		);
		const thread = await findingThread(handle.db, id);
		expect(thread.map((e) => [e.action, e.state, e.author])).toEqual([
			['query', 'queried', 'auditor'],
			['answer', 'queried', 'coordinator'],
			['close', 'verified', 'auditor']
		]);
		const [file] = thread[1]!.files;
		expect(file).toMatchObject({ name: 'iekāpšanas karte.pdf', size: 8, sha256: sha256Of(bytes) });
		const found = await evidenceFile(handle.db, solidId, id, file!.id);
		const source = await storedSource(handle.db, found!.id);
		const body = await new Response(await checkedOriginal(source!, found!.sha256)).arrayBuffer();
		expect(new Uint8Array(body)).toEqual(bytes);
		expect(await evidenceFile(handle.db, solidId, rows[0]!.id, file!.id)).toBeNull();
		const events = await audited(id);
		expect(events.map((e) => e.action)).toEqual([
			'finding.query',
			'finding.answer',
			'finding.close'
		]);
		expect(events[1]!.after).toMatchObject({ files: [{ size: 8, sha256: sha256Of(bytes) }] });
	});

	it('deducts a part and the whole, naming a default reason that is stored on first use', async () => {
		const [part, whole] = [rows.slice(7).find((r) => r.amountCents > 2000)!, rows[3]!];
		const deduct = (id: number, scope: 'part' | 'full') =>
			act(auditor, {
				expenseId: id,
				version: 0,
				request: {
					action: 'deduct',
					scope,
					amount: '20,00',
					reasonCode: 'no_boarding_pass',
					text: 'x'
				}
			});
		expect(await deduct(part.id, 'part')).toEqual({ ok: true, version: 1 });
		expect(await findingOf(handle.db, part.id)).toMatchObject({
			state: 'ineligible',
			deductedCents: 2000,
			reasonCode: 'no_boarding_pass'
		});
		expect((await deduct(whole.id, 'full')).ok).toBe(true);
		expect((await findingOf(handle.db, whole.id)).deductedCents).toBe(whole.amountCents);
		const stored = await handle.db.execute(sql`select code from control_reasons`);
		expect(JSON.stringify(stored)).toContain('no_boarding_pass');
		const over = await act(auditor, {
			expenseId: rows[4]!.id,
			version: 0,
			request: { action: 'deduct', scope: 'part', amount: '99999', reasonCode: 'other' }
		});
		expect(over).toEqual({
			ok: false,
			error: { code: 'amount_over', maxCents: rows[4]!.amountCents }
		});
		const unknown = await act(auditor, {
			expenseId: rows[4]!.id,
			version: 0,
			request: { action: 'deduct', scope: 'full', reasonCode: 'no_such_reason' }
		});
		expect(unknown).toEqual({ ok: false, error: { code: 'reason_unknown' } });
		expect((await listReasons(handle.db)).length).toBeGreaterThanOrEqual(8);
	});

	it('refuses a finding made on a stale version, and writes nothing', async () => {
		const id = rows[5]!.id;
		expect(
			(await act(auditor, { expenseId: id, version: 0, request: { action: 'verify' } })).ok
		).toBe(true);
		const stale = await act(auditor, {
			expenseId: id,
			version: 0,
			request: { action: 'query', text: 'Again?' }
		});
		expect(stale).toEqual({ ok: false, error: { code: 'stale' } });
		expect((await findingThread(handle.db, id)).length).toBe(1);
		expect((await audited(id)).length).toBe(1);
	});

	it('lets neither the coordinator decide nor the council or an outsider answer', async () => {
		const id = rows[6]!.id;
		expect(
			await act(coordinator, { expenseId: id, version: 0, request: { action: 'verify' } })
		).toEqual({ ok: false, error: { code: 'not_allowed', action: 'verify' } });
		await act(auditor, { expenseId: id, version: 0, request: { action: 'query', text: 'Why?' } });
		for (const who of [council, outsider]) {
			const answer = await act(who, {
				expenseId: id,
				version: 1,
				request: { action: 'answer', text: 'Because.', files: 0 }
			});
			expect(answer).toEqual({ ok: false, error: { code: 'not_allowed', action: 'answer' } });
		}
		expect(
			await act(outsider, { expenseId: id, version: 1, request: { action: 'close' } })
		).toEqual({ ok: false, error: { code: 'not_allowed', action: 'close' } });
	});

	it('clears a finding back to not checked and keeps its thread; the trigger keeps entries', async () => {
		const id = rows[0]!.id;
		expect(
			(await act(auditor, { expenseId: id, version: 1, request: { action: 'clear' } })).ok
		).toBe(true);
		expect((await findingOf(handle.db, id)).state).toBe('unchecked');
		expect((await findingThread(handle.db, id)).map((e) => e.action)).toEqual(['verify', 'clear']);
		expect((await audited(id)).map((e) => e.action)).toEqual(['finding.verify', 'finding.clear']);
		await expect(
			handle.db.delete(findingEntries).where(eq(findingEntries.expenseId, id))
		).rejects.toThrow();
		expect((await findingThread(handle.db, id)).length).toBe(2);
	});

	it('refuses a finding on a reverted row', async () => {
		const generated = await importGeneratedLedger(handle.db, 3);
		const [row] = await handle.db
			.select({ id: expenses.id })
			.from(expenses)
			.where(eq(expenses.batchId, generated.batchId!));
		await revertImport(handle.db, generated.batchId!, solidId, SYSTEM_ACTOR);
		expect(
			await act(auditor, { expenseId: row!.id, version: 0, request: { action: 'verify' } })
		).toEqual({ ok: false, error: { code: 'not_found' } });
	});

	it('filters the expense rows by control state, each row with its finding', async () => {
		const count = async (control: string) =>
			(await expenseRows(handle.db, solidId, { control })).count;
		expect(await count('verified')).toBe(2);
		expect(await count('ineligible')).toBe(2);
		expect(await count('queried')).toBe(1);
		expect(await count('unchecked')).toBe(rows.length - 5);
		const { rows: deducted } = await expenseRows(handle.db, solidId, { control: 'ineligible' });
		expect(deducted.map((r) => r.deductedCents).sort((a, b) => a! - b!)[0]).toBe(2000);
	});
});
