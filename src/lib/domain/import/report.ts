/**
 * The accounting of one import: every record of the file lands in exactly one group, with the
 * control total (sum of readable amounts) of each. The equations it must satisfy, and that every
 * view shows, are in `balance.ts`.
 */
import type { Outcome, RowProblem, SetAsideReason } from './classify';
import { importBalance } from './balance';
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
	/**
	 * Expense records counted in a group without an amount, because theirs could not be read (or
	 * the row was too broken to find it). Blank lines and totals lines are not counted here: the
	 * first hold nothing, the second are not expenses.
	 */
	unreadableAmounts: { rejected: number; setAside: number };
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
		statedTotalCents: null,
		unreadableAmounts: { rejected: 0, setAside: 0 }
	};
}

/** Counts one record in; accepted records may later be moved to duplicates by `setAsideDuplicate`. */
export function countOutcome(report: ImportReport, outcome: Outcome, label = '', reference = '') {
	report.records++;
	if (outcome.outcome !== 'set-aside' || outcome.reason !== 'totals') {
		report.fileTotalCents += outcome.amountCents ?? 0;
	}
	const unreadable =
		report.kind === 'expenses' &&
		outcome.amountCents === null &&
		!(
			outcome.outcome === 'set-aside' &&
			(outcome.reason === 'blank' || outcome.reason === 'totals')
		);
	if (outcome.outcome === 'rejected') {
		if (unreadable) report.unreadableAmounts.rejected++;
		add(report.rejected, outcome.amountCents);
		if (report.rejected.rows.length < LISTED_ROWS) {
			report.rejected.rows.push({ line: outcome.line, problems: outcome.problems.map(clipValue) });
		}
	} else if (outcome.outcome === 'set-aside') {
		if (outcome.reason === 'totals' && outcome.amountCents !== null) {
			report.statedTotalCents = outcome.amountCents;
		}
		if (unreadable) report.unreadableAmounts.setAside++;
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

/** What moving a row to the duplicates needs to know of it, as the judging or the staging has it. */
export interface DuplicateRow {
	line: number;
	amountCents: number | null;
	/** A trip's status; null for an expense. */
	status: ParticipationStatus | null;
	/** Its event could not be placed, so the report lists it among the unmatched. */
	unmatched: boolean;
}

export const duplicateOf = (outcome: Extract<Outcome, { outcome: 'accepted' }>): DuplicateRow => ({
	line: outcome.line,
	amountCents: outcome.amountCents,
	status: outcome.kind === 'participation' ? outcome.record.status : null,
	unmatched: outcome.event.how === 'unmatched'
});

/** An accepted record turned out to be in the project already: it moves to "set aside". */
export function setAsideDuplicate(
	report: ImportReport,
	accepted: DuplicateRow | Extract<Outcome, { outcome: 'accepted' }>
) {
	const row = 'outcome' in accepted ? duplicateOf(accepted) : accepted;
	report.accepted.count--;
	report.accepted.totalCents -= row.amountCents ?? 0;
	if (row.status) report.statuses[row.status]--;
	if (row.unmatched) {
		report.unmatched.count--;
		report.unmatched.rows = report.unmatched.rows.filter((listed) => listed.line !== row.line);
	}
	add(report.setAside, row.amountCents);
	add(report.setAside.byReason.duplicate, row.amountCents);
}

/** The sums that must hold for every import; a report that breaks one is a bug, never shown. */
export function checkBalance(report: ImportReport): boolean {
	const reasons = Object.values(report.setAside.byReason);
	const balance = importBalance(report);
	return (
		balance.records.holds &&
		(balance.amounts?.holds ?? true) &&
		reasons.reduce((n, t) => n + t.count, 0) === report.setAside.count &&
		reasons.reduce((n, t) => n + t.totalCents, 0) === report.setAside.totalCents
	);
}

/** The reasons in the order reports list them. */
export const SET_ASIDE_REASONS: readonly SetAsideReason[] = [
	'other-project',
	'duplicate',
	'totals',
	'blank'
];
