/**
 * The accounting of one import: every record of the file lands in exactly one group, with the
 * control total (sum of readable amounts) of each, so that accepted + rejected + set aside is
 * the number of records in the file, and the totals add up to the file's own.
 */
import type { Outcome, RowProblem, SetAsideReason } from './classify';
import { clipText } from './echo';
import type { EventMatch } from './events';
import type { ImportKind } from './fields';
import type { ParticipationStatus } from './values';

/** How many rejected or unmatched rows a report lists in full; the counts are always complete. */
export const LISTED_ROWS = 200;

export interface Tally {
	count: number;
	/** Sum of the readable amounts, in cents. */
	totalCents: number;
}

export interface RejectedRow {
	line: number;
	problems: RowProblem[];
}

export interface UnmatchedRow {
	line: number;
	problem: Extract<EventMatch, { how: 'unmatched' }>['problem'];
	/** What the row says, for a person to recognise it: date or person, and the reference. */
	label: string;
	reference: string;
}

export interface ImportReport {
	kind: ImportKind;
	records: number;
	accepted: Tally;
	rejected: Tally & { rows: RejectedRow[] };
	setAside: Tally & { byReason: Record<SetAsideReason, Tally> };
	unmatched: { count: number; rows: UnmatchedRow[] };
	/** Accepted trips by status; empty for expenses. */
	statuses: Record<ParticipationStatus, number>;
	/** The file's control total: every readable amount, whatever became of its row. */
	fileTotalCents: number;
	/** What the file's own totals line says, when it has one (the last, if several). */
	statedTotalCents: number | null;
}

const clipValue = (problem: RowProblem): RowProblem => ({
	...problem,
	value: clipText(problem.value)
});

const tally = (): Tally => ({ count: 0, totalCents: 0 });
const add = (t: Tally, cents: number | null) => {
	t.count++;
	t.totalCents += cents ?? 0;
};

export function emptyReport(kind: ImportKind): ImportReport {
	return {
		kind,
		records: 0,
		accepted: tally(),
		rejected: { ...tally(), rows: [] },
		setAside: {
			...tally(),
			byReason: { blank: tally(), totals: tally(), 'other-project': tally(), duplicate: tally() }
		},
		unmatched: { count: 0, rows: [] },
		statuses: { done: 0, cancelled: 0 },
		fileTotalCents: 0,
		statedTotalCents: null
	};
}

/** Counts one record in; accepted records may later be moved to duplicates by `setAsideDuplicate`. */
export function countOutcome(report: ImportReport, outcome: Outcome, label = '', reference = '') {
	report.records++;
	if (outcome.outcome !== 'set-aside' || outcome.reason !== 'totals') {
		report.fileTotalCents += outcome.amountCents ?? 0;
	}
	if (outcome.outcome === 'rejected') {
		add(report.rejected, outcome.amountCents);
		if (report.rejected.rows.length < LISTED_ROWS) {
			report.rejected.rows.push({ line: outcome.line, problems: outcome.problems.map(clipValue) });
		}
	} else if (outcome.outcome === 'set-aside') {
		if (outcome.reason === 'totals' && outcome.amountCents !== null) {
			report.statedTotalCents = outcome.amountCents;
		}
		add(report.setAside, outcome.amountCents);
		add(report.setAside.byReason[outcome.reason], outcome.amountCents);
	} else {
		add(report.accepted, outcome.amountCents);
		if (outcome.kind === 'participation') report.statuses[outcome.record.status]++;
		if (outcome.event.how === 'unmatched') {
			report.unmatched.count++;
			if (report.unmatched.rows.length < LISTED_ROWS) {
				report.unmatched.rows.push({
					line: outcome.line,
					problem: outcome.event.problem,
					label: clipText(label),
					reference: clipText(reference)
				});
			}
		}
	}
}

/** An accepted record turned out to be in the project already: it moves to "set aside". */
export function setAsideDuplicate(
	report: ImportReport,
	outcome: Extract<Outcome, { outcome: 'accepted' }>
) {
	report.accepted.count--;
	report.accepted.totalCents -= outcome.amountCents ?? 0;
	if (outcome.kind === 'participation') report.statuses[outcome.record.status]--;
	if (outcome.event.how === 'unmatched') {
		report.unmatched.count--;
		report.unmatched.rows = report.unmatched.rows.filter((row) => row.line !== outcome.line);
	}
	add(report.setAside, outcome.amountCents);
	add(report.setAside.byReason.duplicate, outcome.amountCents);
}

/** The sums that must hold for every import; a report that breaks one is a bug, never shown. */
export function checkBalance(report: ImportReport): boolean {
	const reasons = Object.values(report.setAside.byReason);
	return (
		report.accepted.count + report.rejected.count + report.setAside.count === report.records &&
		reasons.reduce((n, t) => n + t.count, 0) === report.setAside.count &&
		reasons.reduce((n, t) => n + t.totalCents, 0) === report.setAside.totalCents &&
		// Every readable amount is in exactly one group; a totals line is the file's own sum, not a row.
		report.accepted.totalCents +
			report.rejected.totalCents +
			report.setAside.totalCents -
			report.setAside.byReason.totals.totalCents ===
			report.fileTotalCents
	);
}

/** The reasons in the order reports list them. */
export const SET_ASIDE_REASONS: readonly SetAsideReason[] = [
	'other-project',
	'duplicate',
	'totals',
	'blank'
];
