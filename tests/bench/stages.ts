/**
 * Where an import's time goes, measured on the real runImport rather than on a copy of it: a
 * check of the file (read, parse, judge, look-ups), then a commit of it into the same fresh
 * project, whose read phase also stages the new rows and whose write phase is the commit's one
 * transaction. The phases are told apart by the progress events the import sends: the first
 * 'writing' event is where the transaction starts, and each step of it is told as it begins.
 */
import { performance } from 'node:perf_hooks';
import { WRITE_STEPS, type WriteStep } from '$lib/domain/import/result';
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
	/** The transaction's steps, seconds each; 'finishing' is the COMMIT with its deferred keys. */
	steps: Record<WriteStep, number>;
	/** The process's peak RSS in bytes during each part: the check, the commit's reading, each step. */
	peaks: Record<Part, number>;
	accepted: number;
}

export type Part = 'check' | 'read' | WriteStep;

/** The process's peak RSS since it was last asked, in bytes: the bench's VmHWM, reset each time. */
export type PeakSince = () => number;

interface Phases {
	read: number;
	write: number;
	steps: Record<WriteStep, number>;
	peaks: Partial<Record<Part, number>>;
	accepted: number;
}

/** Seconds from each step's start to the next one's, the last one's to the end. */
function stepSeconds(starts: Map<WriteStep, number>, ended: number): Record<WriteStep, number> {
	const times = Object.fromEntries(WRITE_STEPS.map((step) => [step, 0])) as Record<
		WriteStep,
		number
	>;
	const begun = WRITE_STEPS.filter((step) => starts.has(step));
	begun.forEach((step, i) => {
		const next = begun[i + 1];
		times[step] = ((next ? starts.get(next)! : ended) - starts.get(step)!) / 1000;
	});
	return times;
}

async function phasesOf(
	db: Database,
	path: string,
	project: ImportProjectRef,
	email: string,
	mode: 'dry-run' | 'commit',
	peakSince: PeakSince
): Promise<Phases> {
	const started = performance.now();
	let writingFrom: number | null = null;
	const starts = new Map<WriteStep, number>();
	const peaks: Partial<Record<Part, number>> = {};
	let part: Part = mode === 'dry-run' ? 'check' : 'read';
	const endPart = () => (peaks[part] = Math.max(peaks[part] ?? 0, peakSince()));
	peakSince();
	const result = await runImport(db, {
		project,
		kind: 'expenses',
		input: { source: await fileSource(path) },
		profile: {},
		actor: { id: null, email },
		mode,
		onProgress: (progress) => {
			if (progress.phase !== 'writing') return;
			writingFrom ??= performance.now();
			if (!progress.step || starts.has(progress.step)) return;
			starts.set(progress.step, performance.now());
			endPart();
			part = progress.step;
		}
	});
	endPart();
	const ended = performance.now();
	const split = writingFrom ?? ended;
	return {
		read: (split - started) / 1000,
		write: (ended - split) / 1000,
		steps: stepSeconds(starts, ended),
		peaks,
		accepted: result.report.accepted.count
	};
}

export async function stagedImport(
	db: Database,
	path: string,
	project: ImportProjectRef,
	email: string,
	peakSince: PeakSince
): Promise<StageTimes> {
	const check = await phasesOf(db, path, project, email, 'dry-run', peakSince);
	const commit = await phasesOf(db, path, project, email, 'commit', peakSince);
	const peaks = Object.fromEntries(
		(['check', 'read', ...WRITE_STEPS] as Part[]).map((p) => [
			p,
			check.peaks[p] ?? commit.peaks[p] ?? 0
		])
	) as Record<Part, number>;
	return {
		check: check.read,
		commitRead: commit.read,
		commitWrite: commit.write,
		steps: commit.steps,
		peaks,
		accepted: commit.accepted
	};
}
