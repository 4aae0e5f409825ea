/**
 * The import report as two equations a coordinator can check by eye, and the file's totals line
 * beside them: the one computation that the import page, the batch page, `cofund import` and its
 * `--json` all show.
 *
 * - Records: accepted + rejected + set aside = the records in the file.
 * - Amounts (ledgers only): accepted + rejected + set aside = the sum of the file's rows. A
 *   totals line is a sum, not an expense: its amount is in no group and in no side; it is
 *   compared with the sum of the rows on its own.
 * - A record whose amount cannot be read (`divdesmit`, a row with columns missing) still counts
 *   among the records, but adds nothing to either side of the amounts: no figure is made up for
 *   it. How many there are is given beside the equation, so the reader knows what it leaves out.
 */
import type { ImportReport } from './report';

export interface RecordsEquation {
	accepted: number;
	rejected: number;
	setAside: number;
	/** The records read from the file, counted as they were read. */
	total: number;
	holds: boolean;
}

export interface AmountsEquation {
	acceptedCents: number;
	rejectedCents: number;
	/** Without the totals lines. */
	setAsideCents: number;
	/** The sum of every readable amount of the file's rows, counted as they were read. */
	rowsCents: number;
	holds: boolean;
	/** The totals lines, and their own amounts, left out of both sides. */
	totalsLines: number;
	totalsLinesCents: number;
	/** Records counted among the rejected or set aside whose amount could not be read. */
	unreadable: { rejected: number; setAside: number };
}

export interface StatedTotalCheck {
	/** What the file's (last) totals line says. */
	statedCents: number;
	rowsCents: number;
	/** stated − rows. */
	differenceCents: number;
	matches: boolean;
}

export interface ImportBalance {
	records: RecordsEquation;
	/** Null for travel orders, which have no amounts. */
	amounts: AmountsEquation | null;
	/** Null when the file has no totals line with a readable amount. */
	statedTotal: StatedTotalCheck | null;
}

function amountsOf(report: ImportReport): AmountsEquation {
	const totals = report.setAside.byReason.totals;
	const totalsLinesCents = totals.totalCents;
	const acceptedCents = report.accepted.totalCents;
	const rejectedCents = report.rejected.totalCents;
	const setAsideCents = report.setAside.totalCents - totalsLinesCents;
	return {
		acceptedCents,
		rejectedCents,
		setAsideCents,
		rowsCents: report.fileTotalCents,
		holds: acceptedCents + rejectedCents + setAsideCents === report.fileTotalCents,
		totalsLines: totals.count,
		totalsLinesCents,
		unreadable: { ...report.unreadableAmounts }
	};
}

export function importBalance(report: ImportReport): ImportBalance {
	const { accepted, rejected, setAside, records } = report;
	const total = accepted.count + rejected.count + setAside.count;
	const expenses = report.kind === 'expenses';
	const stated = expenses ? report.statedTotalCents : null;
	return {
		records: {
			accepted: accepted.count,
			rejected: rejected.count,
			setAside: setAside.count,
			total: records,
			holds: total === records
		},
		amounts: expenses ? amountsOf(report) : null,
		statedTotal:
			stated === null
				? null
				: {
						statedCents: stated,
						rowsCents: report.fileTotalCents,
						differenceCents: stated - report.fileTotalCents,
						matches: stated === report.fileTotalCents
					}
	};
}
