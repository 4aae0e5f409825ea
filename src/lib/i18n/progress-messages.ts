/** A running import's pace in words, the same on the page and in the terminal: rows, rows/s, time left. */
import type { Locale } from '$lib/domain/locale';
import { formatInteger } from '$lib/domain/format';
import {
	formatDuration,
	formatRate,
	type ProgressEstimate
} from '$lib/domain/import/progress-rate';
import type { WriteStep } from '$lib/domain/import/result';
import { m } from '$lib/paraglide/messages.js';

export interface ProgressText {
	/** "12 345 rows read", or "Writing 12 345 rows" once the file is read. */
	rows: string;
	/** "4100 rows/s · about 2 min 10 s left", "estimating the time left…", or the write's step. */
	pace: string | null;
}

const stepText: Record<WriteStep, (say: { locale: Locale }) => string> = {
	original: (say) => m.import_progress_step_original({}, say),
	rows: (say) => m.import_progress_step_rows({}, say),
	sums: (say) => m.import_progress_step_sums({}, say),
	finishing: (say) => m.import_progress_step_finishing({}, say)
};

export function describeProgress(estimate: ProgressEstimate, locale: Locale): ProgressText {
	const say = { locale };
	const counted = { count: estimate.records, rows: formatInteger(estimate.records, locale) };
	if (estimate.phase === 'writing') {
		const pace = estimate.step ? stepText[estimate.step](say) : null;
		return { rows: m.import_progress_writing(counted, say), pace };
	}
	const rows = m.import_progress_read(counted, say);
	if (estimate.rowsPerSecond === null) return { rows, pace: m.import_progress_estimating({}, say) };
	const rate = m.import_progress_rate({ rate: formatRate(estimate.rowsPerSecond, locale) }, say);
	const left =
		estimate.remainingMs === null
			? null
			: m.import_progress_left({ time: formatDuration(estimate.remainingMs, locale) }, say);
	return { rows, pace: left ? `${rate} · ${left}` : rate };
}

/** The terminal's one line: "12 345 rows read · 4100 rows/s · about 2 min 10 s left". */
export function progressLine(estimate: ProgressEstimate, locale: Locale): string {
	const { rows, pace } = describeProgress(estimate, locale);
	return pace ? `${rows} · ${pace}` : rows;
}
