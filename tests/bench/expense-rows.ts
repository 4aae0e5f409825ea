/**
 * Expense rows for benchmarks, written by SQL (generate_series) rather than by the importer,
 * whose own speed bench:import measures: SOLID's plan under other codes, one batch each, rows
 * spread evenly over the projects and dated inside SOLID's period, and the sums imports keep.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '$lib/server/db';
import { importBatches, projects, sourceFiles } from '$lib/server/db/schema';
import { applyProjectDefinition } from '$lib/server/projects/apply-definition';
import { solidDefinition } from '$tests/factories/projects';

export async function makeProjects(
	handle: DatabaseHandle,
	count: number,
	code: (i: number) => string,
	actor: { id: null; email: string }
): Promise<{ id: number; batch: number }[]> {
	const made: { id: number; batch: number }[] = [];
	for (let i = 0; i < count; i++) {
		const definition = solidDefinition((d) => {
			d.code = code(i);
		});
		await applyProjectDefinition(handle.db, definition, { actor });
		const [project] = await handle.db
			.select({ id: projects.id })
			.from(projects)
			.where(sql`${projects.code} = ${code(i)}`);
		const fileId = randomUUID();
		await handle.db.insert(sourceFiles).values({
			id: fileId,
			projectId: project!.id,
			name: 'bench.csv',
			size: 0,
			sha256: '',
			uploadedBy: actor.email
		});
		const [batch] = await handle.db
			.insert(importBatches)
			.values({
				projectId: project!.id,
				kind: 'expenses',
				sourceFileId: fileId,
				fileName: 'bench.csv',
				sha256: '',
				size: 0,
				profile: {},
				dialect: {},
				report: {},
				records: 0,
				accepted: 0,
				rejected: 0,
				setAside: 0,
				acceptedCents: 0,
				createdBy: actor.email
			})
			.returning({ id: importBatches.id });
		made.push({ id: project!.id, batch: batch!.id });
	}
	return made;
}

/** Adds rows numbered from..to-1, spread evenly over the projects, dated inside SOLID's period. */
export async function addRows(
	handle: DatabaseHandle,
	made: { id: number; batch: number }[],
	from: number,
	to: number
) {
	const count = made.length;
	for (const [index, project] of made.entries()) {
		// Row g belongs to project g % count: this project's rows are index, index + count, …
		const first = Math.ceil((from - index) / count);
		const last = Math.ceil((to - index) / count) - 1;
		if (last < first) continue;
		await handle.db.execute(sql`
			insert into expenses (project_id, batch_id, line, row_key, occurrence, date, amount_cents,
				currency, document_number, payee, description, category, event_number, funding_source)
			select ${project.id}, ${project.batch}, g + 2, md5(g::text), 1,
				date '2018-01-01' + (g % 680), 1000 + (g % 50000), 'EUR', 'DOC-' || g,
				'SIA Piegādātājs ' || (g % 40), 'Izdevumi pasākumam',
				(array['2121','2122','2311','2241'])[1 + g % 4],
				case when g % 10 = 0 then null else 1 + g % 5 end,
				(case when g % 3 = 0 then 'eu' else 'council' end)::funding_source
			from (select ${index}::int + ${count}::int * k as g
				from generate_series(${first}::int, ${last}::int) k) rows`);
	}
	// The sums that imports keep (see src/lib/server/import/expense-sums.ts), made afresh here.
	await handle.db.execute(sql`delete from expense_sums`);
	await handle.db.execute(sql`
		insert into expense_sums (project_id, month, category, event, cents, rows)
		select project_id, to_char(date, 'YYYY-MM'), category, coalesce(event_number, 0),
			sum(amount_cents), count(*)
		from expenses where reverted_at is null group by 1, 2, 3, 4`);
	await handle.db.execute(sql`analyze expenses`);
	await handle.db.execute(sql`analyze expense_sums`);
}
