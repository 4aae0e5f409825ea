/**
 * A sample as the list an auditor works through: each row with its expense and the state of its
 * finding, and the progress (rows with a finding other than an open query, out of the rows).
 */
import { asc, eq } from 'drizzle-orm';
import type { ControlState } from '$lib/domain/control/finding-states';
import type { Queryable } from '../db';
import { controlSampleItems, expenseFindings, expenses } from '../db/schema';
import { findSample, type SampleRecord } from './samples';

export interface SampleItemView {
	position: number;
	stratum: string;
	expenseId: number;
	date: string;
	documentNumber: string;
	payee: string;
	amountCents: number;
	category: string;
	eventNumber: number | null;
	state: ControlState;
}

export interface SampleProgress {
	done: number;
	queried: number;
	total: number;
}

export function progressOf(items: readonly Pick<SampleItemView, 'state'>[]): SampleProgress {
	return {
		done: items.filter((i) => i.state === 'verified' || i.state === 'ineligible').length,
		queried: items.filter((i) => i.state === 'queried').length,
		total: items.length
	};
}

export async function sampleItems(db: Queryable, sampleId: number): Promise<SampleItemView[]> {
	const rows = await db
		.select({
			position: controlSampleItems.position,
			stratum: controlSampleItems.stratum,
			expenseId: expenses.id,
			date: expenses.date,
			documentNumber: expenses.documentNumber,
			payee: expenses.payee,
			amountCents: expenses.amountCents,
			category: expenses.category,
			eventNumber: expenses.eventNumber,
			state: expenseFindings.state
		})
		.from(controlSampleItems)
		.innerJoin(expenses, eq(expenses.id, controlSampleItems.expenseId))
		.leftJoin(expenseFindings, eq(expenseFindings.expenseId, controlSampleItems.expenseId))
		.where(eq(controlSampleItems.sampleId, sampleId))
		.orderBy(asc(controlSampleItems.position));
	return rows.map((r) => ({ ...r, state: r.state ?? 'unchecked' }));
}

export async function sampleWithProgress(
	db: Queryable,
	projectId: number,
	number: number
): Promise<{ sample: SampleRecord; items: SampleItemView[]; progress: SampleProgress } | null> {
	const sample = await findSample(db, projectId, number);
	if (!sample) return null;
	const items = await sampleItems(db, sample.id);
	return { sample, items, progress: progressOf(items) };
}
