/**
 * The control pages' server side: the draw form read and answered (a refusal in the reader's
 * words, keeping what was typed), and the list and detail shaped with their texts.
 */
import { randomBytes } from 'node:crypto';
import {
	MAX_SAMPLE_SIZE,
	SampleParamsError,
	type SampleParams
} from '$lib/domain/control/sample-draw';
import { SAMPLE_METHODS, SAMPLE_STRATA } from '$lib/domain/control/sample-population';
import { parseIsoDate } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { howDrawn, populationText, redrawText } from '$lib/i18n/sample-messages';
import { m } from '$lib/paraglide/messages.js';
import { fail, redirect } from '@sveltejs/kit';
import type { AppUser } from '../auth/users';
import type { Database } from '../db';
import { listSamples, drawSample, redrawSample, SampleAccessError } from './samples';
import { sampleWithProgress } from './sample-progress';

export interface DrawValues {
	method: string;
	size: string;
	seed: string;
	strata: string;
	from: string;
	to: string;
}

/** A seed to offer: 12 random hex digits, which the auditor may keep or change. */
export const suggestSeed = () => randomBytes(6).toString('hex');

function readDraw(form: FormData): DrawValues {
	const text = (key: string) => String(form.get(key) ?? '').trim();
	return {
		method: text('method'),
		size: text('size'),
		seed: text('seed'),
		strata: text('strata') || 'none',
		from: text('from'),
		to: text('to')
	};
}

/** The parameters, or the message saying what is wrong with them. */
function paramsOf(v: DrawValues, locale: Locale): SampleParams | string {
	const say = { locale };
	const method = SAMPLE_METHODS.find((x) => x === v.method);
	const strata = SAMPLE_STRATA.find((x) => x === v.strata);
	if (!method) return m.sample_cli_bad_method({ value: v.method }, say);
	if (!strata) return m.sample_cli_bad_strata({ value: v.strata }, say);
	const size = /^\d+$/.test(v.size) ? Number(v.size) : NaN;
	if (!(size >= 1 && size <= MAX_SAMPLE_SIZE))
		return m.sample_error_size({ max: MAX_SAMPLE_SIZE }, say);
	if (!v.seed) return m.sample_error_seed({}, say);
	const bad = (d: string) => d !== '' && !parseIsoDate(d);
	if (bad(v.from) || bad(v.to) || (v.from && v.to && v.from > v.to))
		return m.sample_error_date({}, say);
	const filter = { ...(v.from && { from: v.from }), ...(v.to && { to: v.to }) };
	return { method, strata, size, seed: v.seed, filter };
}

export function problemText(error: SampleParamsError, locale: Locale): string {
	const say = { locale };
	if (error.problem === 'size') return m.sample_error_size({ max: MAX_SAMPLE_SIZE }, say);
	if (error.problem === 'seed') return m.sample_error_seed({}, say);
	if (error.problem === 'empty') return m.sample_error_empty({}, say);
	const { rows = 0, size = 0 } = error.detail;
	return m.sample_error_smaller({ rows, size }, say);
}

export async function drawAction(
	locals: { db: Database; user: AppUser | null; locale: Locale },
	code: string,
	projectId: number,
	request: Request
) {
	const values = readDraw(await request.formData());
	const params = paramsOf(values, locals.locale);
	if (typeof params === 'string') return fail(400, { error: params, values });
	let number: number;
	try {
		number = (await drawSample(locals.db, locals.user!, projectId, params)).sample.number;
	} catch (error) {
		if (error instanceof SampleParamsError)
			return fail(400, { error: problemText(error, locals.locale), values });
		if (error instanceof SampleAccessError)
			return fail(403, { error: m.sample_error_forbidden({}, { locale: locals.locale }), values });
		throw error;
	}
	redirect(303, `/projects/${encodeURIComponent(code)}/control/samples/${number}`);
}

export async function samplesOverview(db: Database, projectId: number) {
	const samples = await listSamples(db, projectId);
	return Promise.all(
		samples.map(async (s) => ({
			number: s.number,
			method: s.method,
			strata: s.strata,
			size: s.size,
			seed: s.seed,
			drawnBy: s.drawnBy,
			drawnAt: s.drawnAt,
			progress: (await sampleWithProgress(db, projectId, s.number))!.progress
		}))
	);
}

export async function sampleDetail(
	db: Database,
	projectId: number,
	number: number,
	locale: Locale
) {
	const view = await sampleWithProgress(db, projectId, number);
	if (!view) return null;
	const s = view.sample;
	return {
		number: s.number,
		method: s.method,
		strata: s.strata,
		seed: s.seed,
		drawnBy: s.drawnBy,
		drawnAt: s.drawnAt,
		how: howDrawn(s, locale),
		population: populationText(
			{ rows: s.populationRows, cents: s.populationCents, sha256: s.populationSha256 },
			locale
		),
		items: view.items,
		progress: view.progress
	};
}

export async function redrawAction(
	db: Database,
	projectId: number,
	number: number,
	locale: Locale
) {
	const view = await sampleWithProgress(db, projectId, number);
	// No such sample: the page says so, as its load does.
	if (!view) return null;
	const check = await redrawSample(db, projectId, number);
	const doc = new Map(view.items.map((i) => [i.expenseId, i.documentNumber]));
	return {
		check: {
			identical: check.identical,
			lines: redrawText(check, locale, (id) => doc.get(id) ?? `#${id}`)
		}
	};
}
