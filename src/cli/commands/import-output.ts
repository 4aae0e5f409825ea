/** What `cofund import` prints of a check or a commit: the report, its control sums, the warnings, the outcome, and the JSON. */
import { formatMoney } from '$lib/domain/format';
import { importBalance } from '$lib/domain/import/balance';
import { commitOutcome } from '$lib/domain/import/commit-outcome';
import { SET_ASIDE_REASONS, type ImportReport } from '$lib/domain/import/report';
import type { Dialect } from '$lib/domain/import/result';
import {
	asideLabel,
	describeRejectedLine,
	describeSheetNotes,
	describeUnmatched,
	describeWarning,
	formatBytes
} from '$lib/i18n/import-messages';
import { describeBalance } from '$lib/i18n/balance-messages';
import { m } from '$lib/paraglide/messages.js';
import type { ImportResult } from '$lib/server/import/run-import';
import type { CliContext } from '../context';

/** The check's column warnings, on stderr beside the rejected lines, before anything is committed. */
export function printWarnings(result: ImportResult, ctx: CliContext, currency: string): void {
	for (const warning of result.warnings) {
		const text = describeWarning(warning, ctx.locale, currency);
		ctx.err(m.cli_warning({ text }, { locale: ctx.locale }));
	}
}

/** What `printReport` prints: a run's result, or a batch as it was kept. */
type Printable = Pick<ImportResult, 'fileName' | 'size' | 'sha256'> & {
	report: ImportReport;
	dialect: Dialect;
};

/** The control sums as equations, from the same function and in the same words as the page. */
function printBalance(report: ImportReport, ctx: CliContext, currency: string): void {
	const text = describeBalance(importBalance(report), ctx.locale, currency);
	const say = { locale: ctx.locale };
	ctx.out(`${m.import_balance_title({}, say)}:`);
	ctx.out(`  ${m.import_balance_records_label({}, say)}: ${text.records.text}`);
	if (text.amounts !== null)
		ctx.out(`  ${m.import_balance_amounts_label({}, say)}: ${text.amounts.text}`);
	for (const note of text.notes) ctx.out(`  ${note}`);
	if (text.stated) ctx.out(`  ${text.stated.matches ? '✓' : '✗'} ${text.stated.text}`);
}

export function printReport(result: Printable, ctx: CliContext, currency: string): void {
	const { locale } = ctx;
	const say = { locale };
	const money = (cents: number) => formatMoney(cents, locale, { currency, decimals: 'always' });
	const { report, dialect } = result;
	const sums = importBalance(report).amounts;
	ctx.out(
		m.import_report_file(
			{ file: result.fileName, size: formatBytes(result.size, locale), sha256: result.sha256 },
			say
		)
	);
	const decimal =
		dialect.decimal === 'comma' ? m.import_decimal_comma({}, say) : m.import_decimal_point({}, say);
	const dateOrder =
		dialect.dateFormats.join(', ') ||
		(dialect.sheet ? m.import_xlsx_dates_cells({}, say) : m.import_dates_unknown({}, say));
	// A workbook has no encoding or delimiter: its sheet is what says how it was read.
	ctx.out(
		dialect.sheet
			? m.import_xlsx_report_dialect({ sheet: dialect.sheet.name, decimal, dateOrder }, say)
			: m.import_report_dialect(
					{
						encoding: dialect.encoding + (dialect.bom ? ' (BOM)' : ''),
						delimiter: dialect.delimiter === '\t' ? 'TAB' : dialect.delimiter,
						decimal,
						dateOrder
					},
					say
				)
	);
	for (const note of describeSheetNotes(dialect.sheet, locale)) ctx.out(`  ${note}`);
	const row = (label: string, count: number, cents?: number | null) =>
		ctx.out(
			`  ${label.padEnd(34)} ${String(count).padStart(8)}${sums && cents !== undefined ? `   ${cents === null ? '—' : money(cents)}` : ''}`
		);
	row(m.import_report_records({}, say), report.records);
	row(m.import_report_accepted({}, say), report.accepted.count, sums?.acceptedCents);
	if (!sums) ctx.out(`    ${m.import_report_statuses(report.statuses, say)}`);
	row(m.import_report_rejected({}, say), report.rejected.count, sums?.rejectedCents);
	row(m.import_report_set_aside({}, say), report.setAside.count, sums?.setAsideCents);
	for (const reason of SET_ASIDE_REASONS) {
		const tally = report.setAside.byReason[reason];
		// A totals line is no row of the file: its sum is checked against the rows, not added to them.
		if (tally.count)
			row(
				`  ${asideLabel(reason, locale)}`,
				tally.count,
				reason === 'totals' ? null : tally.totalCents
			);
	}
	if (sums)
		ctx.out(`  ${m.import_report_file_total({}, say).padEnd(43)}   ${money(sums.rowsCents)}`);
	printBalance(report, ctx, currency);
	for (const rejected of report.rejected.rows) {
		for (const problem of rejected.problems)
			ctx.err(`  ${describeRejectedLine(rejected.line, problem, locale)}`);
	}
	if (report.rejected.count > report.rejected.rows.length) {
		ctx.err(
			`  ${m.import_report_more({ count: report.rejected.count - report.rejected.rows.length }, say)}`
		);
	}
	if (report.unmatched.count) {
		ctx.out(`${m.import_report_unmatched({}, say)}: ${report.unmatched.count}`);
		for (const unmatched of report.unmatched.rows) {
			ctx.out(`  ${unmatched.line}: ${unmatched.label} — ${describeUnmatched(unmatched, locale)}`);
		}
	}
}

/** A run's report, then what it did: nothing (a dry run), or the batch and any rows it skipped. */
export function printOutcome(
	result: ImportResult,
	ctx: CliContext,
	project: { code: string; currency: string }
): void {
	const say = { locale: ctx.locale };
	printReport(result, ctx, project.currency);
	printWarnings(result, ctx, project.currency);
	const done = commitOutcome(result);
	if (!done) return ctx.out(m.import_report_dry_run({}, say));
	ctx.out(m.import_report_committed({ batch: done.batch }, say));
	if (done.skipped) {
		const where = { count: done.skipped, batch: done.batch, code: project.code };
		ctx.out(m.cli_import_skipped(where, say));
	}
}

/** The result as JSON, with its control sums and, after a commit, what the commit did. */
export function resultJson(result: ImportResult): string {
	const balance = importBalance(result.report);
	return JSON.stringify({ ...result, balance, commit: commitOutcome(result) }, null, 2);
}
