/**
 * One import on the page, from the dropped file to the commit: upload, checks (dry runs) with
 * the settings the user adjusts, the commit of exactly what the last check showed, and the pace
 * of a running check or commit, which the user can cancel.
 */
import { fieldsToAcknowledge } from '$lib/domain/import/column-warnings';
import type { ImportFailure } from '$lib/domain/import/failures';
import type { ImportField, ImportKind } from '$lib/domain/import/fields';
import type { MappingProfile } from '$lib/domain/import/profile';
import { estimate, nextRate, type ProgressRate } from '$lib/domain/import/progress-rate';
import type { ImportProgress, ImportResult } from '$lib/domain/import/result';
import { cancelImportRun, runImportStream, uploadFile, type UploadedFile } from './import-client';

export type Phase = 'idle' | 'uploading' | 'checking' | 'committing';

export class ImportSession {
	kind = $state<ImportKind>('expenses');
	phase = $state<Phase>('idle');
	file = $state<UploadedFile | null>(null);
	uploaded = $state({ sent: 0, total: 0 });
	progress = $state<ImportProgress | null>(null);
	/** The running check's or commit's pace, from its progress lines. */
	rate = $state<ProgressRate | null>(null);
	/** The running check's or commit's id, once the server has said it; needed to cancel. */
	runId = $state<string | null>(null);
	cancelling = $state(false);
	profile = $state<MappingProfile>({});
	assignments = $state<Record<string, number | null>>({});
	skipRejected = $state(false);
	/** The fields the user has confirmed to import without, after the check warned of them. */
	without = $state<ImportField[]>([]);
	/** The last check, and the settings it ran with: a commit needs them unchanged. */
	checked = $state<ImportResult | null>(null);
	checkedWith = $state('');
	committed = $state<ImportResult | null>(null);
	failure = $state<ImportFailure | null>(null);
	error = $state<string | null>(null);

	constructor(private readonly baseUrl: string) {}

	private settings(): string {
		return JSON.stringify([this.kind, this.profile, this.assignments]);
	}

	get stale(): boolean {
		return this.checked !== null && this.settings() !== this.checkedWith;
	}

	/** The fields the last check found no column for that rows would have empty. */
	get toAcknowledge(): ImportField[] {
		return this.checked ? fieldsToAcknowledge(this.checked.warnings) : [];
	}

	get estimate() {
		return this.rate ? estimate(this.rate) : null;
	}

	get acknowledged(): boolean {
		return this.toAcknowledge.every((field) => this.without.includes(field));
	}

	reset(): void {
		this.file = null;
		this.checked = null;
		this.committed = null;
		this.failure = null;
		this.error = null;
		this.assignments = {};
		this.skipRejected = false;
		this.without = [];
		this.progress = null;
	}

	async upload(file: File): Promise<void> {
		this.reset();
		this.phase = 'uploading';
		this.uploaded = { sent: 0, total: file.size };
		const answer = await uploadFile(`${this.baseUrl}/upload`, file, (sent, total) => {
			this.uploaded = { sent, total };
		});
		this.phase = 'idle';
		if (!answer.ok) {
			this.error = answer.message;
			return;
		}
		this.file = answer.file;
		await this.check();
	}

	check(): Promise<void> {
		return this.run('dry-run');
	}

	commit(): Promise<void> {
		return this.run('commit');
	}

	/** Cancels the running check or commit; its stream then ends with the 'cancelled' failure. */
	async cancel(): Promise<void> {
		if (!this.runId || this.cancelling) return;
		this.cancelling = true;
		try {
			await cancelImportRun(`${this.baseUrl}/cancel`, this.runId);
		} catch {
			// Offline: the run's own stream says how it ended.
		}
	}

	private async run(mode: 'dry-run' | 'commit'): Promise<void> {
		if (!this.file) return;
		const settings = this.settings();
		this.phase = mode === 'dry-run' ? 'checking' : 'committing';
		this.progress = {
			phase: 'reading',
			bytes: 0,
			totalBytes: this.file.size,
			records: 0,
			elapsedMs: 0
		};
		this.rate = null;
		this.runId = null;
		this.cancelling = false;
		this.failure = null;
		this.error = null;
		try {
			await runImportStream(
				`${this.baseUrl}/run`,
				{
					fileId: this.file.id,
					kind: this.kind,
					mode,
					profile: $state.snapshot(this.profile),
					skipRejected: this.skipRejected,
					without: $state.snapshot(this.without),
					assignments: $state.snapshot(this.assignments)
				},
				(event) => {
					if (event.type === 'started') this.runId = event.runId;
					else if (event.type === 'progress') {
						const { type: _, ...sample } = event;
						this.progress = sample;
						this.rate = nextRate(this.rate, sample);
					} else if (event.type === 'result') {
						if (mode === 'commit') this.committed = event.result;
						else {
							this.checked = event.result;
							this.checkedWith = settings;
						}
					} else {
						this.failure = event.failure;
						if (event.result) {
							this.checked = event.result;
							this.checkedWith = settings;
						} else if (mode === 'dry-run' && event.failure.code !== 'cancelled') {
							// A cancelled check changes nothing: the last check, if any, stands as it was.
							this.checked = null;
						}
					}
				}
			);
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.phase = 'idle';
			this.progress = null;
			this.rate = null;
			this.runId = null;
			this.cancelling = false;
		}
	}
}
