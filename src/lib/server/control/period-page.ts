/** The periods page's work: what it shows, and its three forms (close, reopen, retention) read and run. */
import { periodLabel, periodRange, type PeriodInput } from '$lib/domain/control/periods';
import { formatDate, parseIsoDate } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';
import type { Database } from '../db';
import type { Actor } from '../audit/record-audit';
import { offeredActions, type OfferedAction } from '../access/offered-actions';
import type { Viewer } from '../access/authorize';
import { error } from '@sveltejs/kit';
import { loadImportProject } from '../import/import-project';
import { closePeriod, listPeriods, reopenPeriod } from './closed-periods';
import { loadRetention, setRetention } from './retention';

const ROUTE = '/projects/[code]/periods';
const action = (name: string): OfferedAction => ({
	route: ROUTE,
	method: 'POST',
	search: `?/${name}`
});

/** The project of a form's address: an unknown code (an admin passes the membership check) is no page. */
async function projectOf(db: Database, code: string) {
	const project = await loadImportProject(db, code);
	if (!project) error(404, m.project_not_found({ code }));
	return project;
}

export async function loadPeriodPage(db: Database, viewer: Viewer, code: string) {
	const project = await loadImportProject(db, code);
	if (!project) return null;
	const [periods, retention, offered] = await Promise.all([
		listPeriods(db, project.id),
		loadRetention(db, project.id),
		offeredActions(
			db,
			viewer,
			{ canClose: action('close'), canReopen: action('reopen'), canEdit: action('retention') },
			code
		)
	]);
	return { code: project.code, periods, retention: retention!, ...offered };
}

/** What a form action answers: a message to show, and whether it is an error. */
export type FormOutcome = { ok: boolean; message: string };

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function rangeFrom(form: FormData) {
	const input: PeriodInput =
		text(form, 'kind') === 'range'
			? { from: text(form, 'from'), to: text(form, 'to') }
			: { year: Number(text(form, 'year') || 'x') };
	return periodRange(input);
}

export async function closeFromForm(
	db: Database,
	code: string,
	form: FormData,
	actor: Actor,
	locale: Locale
): Promise<FormOutcome> {
	const say = { locale };
	const project = await projectOf(db, code);
	const range = rangeFrom(form);
	if ('problem' in range) {
		const problem = {
			'year-invalid': m.period_error_year,
			'date-invalid': m.period_error_dates,
			order: m.period_error_order
		}[range.problem];
		return { ok: false, message: problem({}, say) };
	}
	const result = await closePeriod(db, project, range, text(form, 'reason') || null, actor);
	const period = periodLabel(range, locale);
	if (result.status === 'overlap') {
		const other = periodLabel(result.period, locale);
		return { ok: false, message: m.period_error_overlap({ period, other }, say) };
	}
	return { ok: true, message: m.period_done_closed({ period }, say) };
}

export async function reopenFromForm(
	db: Database,
	code: string,
	form: FormData,
	actor: Actor,
	locale: Locale
): Promise<FormOutcome> {
	const say = { locale };
	const project = await projectOf(db, code);
	const id = Number(text(form, 'period'));
	const result = Number.isSafeInteger(id)
		? await reopenPeriod(db, project, id, text(form, 'reason'), actor)
		: ({ status: 'not-found' } as const);
	if (result.status === 'reason-required')
		return { ok: false, message: m.period_error_reason({}, say) };
	if (result.status === 'not-found')
		return {
			ok: false,
			message: m.period_error_not_found({ code, id: text(form, 'period') }, say)
		};
	const period = periodLabel(result.period, locale);
	if (result.status === 'already-reopened')
		return { ok: false, message: m.period_error_already({ period }, say) };
	return { ok: true, message: m.period_done_reopened({ period }, say) };
}

export async function retentionFromForm(
	db: Database,
	code: string,
	form: FormData,
	actor: Actor,
	locale: Locale
): Promise<FormOutcome> {
	const say = { locale };
	const project = await projectOf(db, code);
	const until = text(form, 'until');
	if (!parseIsoDate(until)) return { ok: false, message: m.retention_error_date({}, say) };
	const result = await setRetention(db, project, until, text(form, 'reason'), actor);
	if (result.status === 'before-default')
		return {
			ok: false,
			message: m.retention_error_before_default(
				{ date: formatDate(until, locale), earliest: formatDate(result.earliest, locale) },
				say
			)
		};
	if (result.status !== 'saved') return { ok: false, message: m.retention_error_reason({}, say) };
	return { ok: true, message: m.retention_saved({ date: formatDate(until, locale) }, say) };
}
