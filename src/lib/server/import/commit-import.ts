/**
 * The commit's one transaction, which covers only the writes: the original file (unless it was
 * uploaded before), the staged rows moved into the project with the identity keys deciding what
 * is new, the batch with its report, the dashboards' sums and the audit event. A crash or an
 * error anywhere in it leaves the database as it was.
 */
import { sql } from 'drizzle-orm';
import { fieldsToAcknowledge } from '$lib/domain/import/column-warnings';
import { setAsideDuplicate } from '$lib/domain/import/report';
import type { ImportResult, WriteStep } from '$lib/domain/import/result';
import { queryRows, type Database, type Transaction } from '../db';
import { importBatches } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { ByteSource } from './byte-source';
import { batchRowsInPeriods } from './closed-period-rows';
import { addBatchSums } from './expense-sums';
import { ImportFileError } from './import-errors';
import type { ImportRequest } from './run-import';
import { moveStagedExpenses, moveStagedParticipations } from './stage-rows';
import { storeSource } from './store-source';

export interface CommitInput {
	request: ImportRequest;
	source: ByteSource;
	/** The upload the file was kept as already, or null to keep it now. */
	upload: { id: string; sha256: string } | null;
	runId: string;
	staged: number;
	result: ImportResult;
	/** Told as the transaction reaches each step, for the progress line. */
	onStep?: (step: WriteStep) => void;
}

/**
 * The batch's number, taken before its rows are written. The batch itself is written once, whole,
 * after them (an imported batch is never updated), so the rows' key to it is checked at commit.
 */
async function batchNumber(tx: Transaction): Promise<number> {
	await tx.execute(sql`set constraints expenses_batch_fk, participations_batch_fk deferred`);
	const [row] = await queryRows<{ id: string }>(
		tx,
		sql`select nextval(pg_get_serial_sequence('import_batches', 'id'))::text as id`
	);
	return Number(row!.id);
}

function cancelled(request: ImportRequest) {
	if (request.signal?.aborted) throw new ImportFileError({ code: 'cancelled' });
}

async function writeBatch(tx: Transaction, input: CommitInput): Promise<ImportResult> {
	const { request, source, runId, staged } = input;
	const { project, kind } = request;
	const step = input.onStep ?? (() => {});
	// Imports into one project commit one at a time. Two that race for the same rows would each
	// wait for rows the other wrote first, in whatever order their staged rows lie: a deadlock.
	// Taken in turn, the second waits here, then finds the rows taken (nothing to commit).
	await tx.execute(
		sql`select pg_advisory_xact_lock(hashtext('cofund import'), ${project.id}::int)`
	);
	const batchId = await batchNumber(tx);
	if (!input.upload) step('original');
	const stored =
		input.upload ??
		(await storeSource(tx, source, {
			projectId: project.id,
			uploadedBy: request.actor.email,
			limit: request.limit
		}));
	cancelled(request);
	const target = { projectId: project.id, batchId };
	step('rows');
	const raced =
		kind === 'expenses'
			? await moveStagedExpenses(tx, runId, target, staged)
			: await moveStagedParticipations(tx, runId, target, staged);
	// Rows another import took since they were looked up are duplicates now, as in a check run then.
	const report = structuredClone(input.result.report);
	for (const row of raced) setAsideDuplicate(report, row);
	const result: ImportResult = { ...input.result, report, sha256: stored.sha256 };
	if (report.accepted.count === 0) throw new ImportFileError({ code: 'nothing-to-commit' }, result);
	// A period closed while the file was read refuses the rows as surely as one closed before.
	const inPeriod = await batchRowsInPeriods(tx, { id: batchId, projectId: project.id, kind });
	if (inPeriod) throw new ImportFileError(inPeriod, result);
	cancelled(request);
	await tx.insert(importBatches).overridingSystemValue().values({
		id: batchId,
		projectId: project.id,
		kind,
		sourceFileId: stored.id,
		fileName: source.name,
		sha256: stored.sha256,
		size: source.size,
		profile: request.profile,
		dialect: result.dialect,
		report,
		records: report.records,
		accepted: report.accepted.count,
		rejected: report.rejected.count,
		setAside: report.setAside.count,
		acceptedCents: report.accepted.totalCents,
		createdBy: request.actor.email
	});
	if (kind === 'expenses') {
		step('sums');
		await addBatchSums(tx, batchId);
	}
	const without = fieldsToAcknowledge(result.warnings);
	await recordAudit(tx, request.actor, {
		action: 'import.commit',
		objectType: 'import',
		objectId: String(batchId),
		after: {
			project: project.code,
			kind,
			file: source.name,
			sha256: stored.sha256,
			size: source.size,
			records: report.records,
			accepted: report.accepted.count,
			rejected: report.rejected.count,
			setAside: report.setAside.count,
			acceptedTotal: report.accepted.totalCents,
			// The fields the rows lack, as the check warned (and the page or the CLI had the user
			// confirm): an auditor will ask why a classification code is empty.
			...(without.length ? { without } : {})
		}
	});
	// What is left is the COMMIT, where the deferred keys of every row to its batch are checked.
	step('finishing');
	return { ...result, committed: true, batchId };
}

export function commitImport(db: Database, input: CommitInput): Promise<ImportResult> {
	return db.transaction((tx) => writeBatch(tx, input));
}
