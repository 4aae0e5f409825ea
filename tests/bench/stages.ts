/**
 * Where an import's time goes, measured on the real runImport rather than on a copy of it: a
 * check of the file (read, parse, judge, look-ups), then a commit of it into the same fresh
 * project, whose read phase also stages the new rows and whose write phase is the commit's one
 * transaction. The phases are told apart by the progress events the import sends: the first
 * 'writing' event is where the transaction starts.
 */
import { performance } from 'node:perf_hooks';
import type { Database } from '$lib/server/db';
import { fileSource } from '$lib/server/import/byte-source';
import { runImport, type ImportProjectRef } from '$lib/server/import/run-import';

export interface StageTimes {
	/** The check: the file read, parsed, judged and looked up, nothing written. Seconds. */
	check: number;
	/** The commit's read phase: what the check does, plus staging the new rows. Seconds. */
	commitRead: number;
	/** The commit's transaction: the original kept, the staged rows moved, the sums, the audit. */
	commitWrite: number;
	accepted: number;
}

interface Phases {
	read: number;
	write: number;
	accepted: number;
}

async function phasesOf(
	db: Database,
	path: string,
	project: ImportProjectRef,
	email: string,
	mode: 'dry-run' | 'commit'
): Promise<Phases> {
	const started = performance.now();
	let writingFrom: number | null = null;
	const result = await runImport(db, {
		project,
		kind: 'expenses',
		input: { source: await fileSource(path) },
		profile: {},
		actor: { id: null, email },
		mode,
		onProgress: (progress) => {
			if (progress.phase === 'writing' && writingFrom === null) writingFrom = performance.now();
		}
	});
	const ended = performance.now();
	const split = writingFrom ?? ended;
	return {
		read: (split - started) / 1000,
		write: (ended - split) / 1000,
		accepted: result.report.accepted.count
	};
}

export async function stagedImport(
	db: Database,
	path: string,
	project: ImportProjectRef,
	email: string
): Promise<StageTimes> {
	const check = await phasesOf(db, path, project, email, 'dry-run');
	const commit = await phasesOf(db, path, project, email, 'commit');
	return {
		check: check.read,
		commitRead: commit.read,
		commitWrite: commit.write,
		accepted: commit.accepted
	};
}
