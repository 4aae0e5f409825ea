/** `cofund control sample|samples|redraw`: reproducible samples of a project's expenses. */
import { MAX_SAMPLE_SIZE, SampleParamsError } from '$lib/domain/control/sample-draw';
import type { SampleMethod, SampleStrata } from '$lib/domain/control/sample-population';
import { formatDate, formatMoney, parseIsoDate } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import {
	howDrawn,
	methodLabel,
	populationText,
	redrawText,
	stateLabel,
	strataLabel
} from '$lib/i18n/sample-messages';
import { m } from '$lib/paraglide/messages.js';
import { sampleWithProgress } from '$lib/server/control/sample-progress';
import { drawSample, listSamples, projectIdOf, redrawSample } from '$lib/server/control/samples';
import type { DatabaseHandle } from '$lib/server/db';
import type { Command } from 'commander';
import {
	actingUser,
	CliFailure,
	requireOnProject,
	withDatabase,
	type CliContext
} from '../context';

interface SampleOptions {
	project: string;
	method: string;
	size: string;
	seed: string;
	strata?: string;
	from?: string;
	to?: string;
	json?: boolean;
}

/** The CLI says `code` where the schema says `category`. */
const STRATA: Record<string, SampleStrata> = {
	none: 'none',
	year: 'year',
	code: 'category',
	event: 'event'
};

export function sampleProblem(error: SampleParamsError, locale: Locale): string {
	const say = { locale };
	switch (error.problem) {
		case 'size':
			return m.sample_error_size({ max: MAX_SAMPLE_SIZE }, say);
		case 'seed':
			return m.sample_error_seed({}, say);
		case 'empty':
			return m.sample_error_empty({}, say);
		case 'smaller':
			return m.sample_error_smaller(
				{ rows: error.detail.rows ?? 0, size: error.detail.size ?? 0 },
				say
			);
	}
}

function paramsFrom(options: SampleOptions, locale: Locale) {
	const say = { locale };
	if (options.method !== 'mus' && options.method !== 'random')
		throw new CliFailure(m.sample_cli_bad_method({ value: options.method }, say));
	const strata = STRATA[options.strata ?? 'none'];
	if (!strata) throw new CliFailure(m.sample_cli_bad_strata({ value: options.strata ?? '' }, say));
	const size = /^\d+$/.test(options.size) ? Number(options.size) : NaN;
	if (!Number.isInteger(size) || size < 1 || size > MAX_SAMPLE_SIZE)
		throw new CliFailure(m.sample_error_size({ max: MAX_SAMPLE_SIZE }, say));
	for (const day of [options.from, options.to])
		if (day !== undefined && !parseIsoDate(day)) throw new CliFailure(m.sample_error_date({}, say));
	if (options.from && options.to && options.from > options.to)
		throw new CliFailure(m.sample_error_date({}, say));
	const filter = {
		...(options.from && { from: options.from }),
		...(options.to && { to: options.to })
	};
	return { method: options.method as SampleMethod, strata, size, seed: options.seed, filter };
}

/** The project's id once the user may act on it; an unknown project is said as such. */
async function projectFor(
	handle: DatabaseHandle,
	ctx: CliContext,
	code: string,
	permission: 'project:read' | 'control:write'
) {
	const user = await actingUser(handle, ctx);
	const projectId = await projectIdOf(handle.db, code);
	if (projectId === null)
		throw new CliFailure(m.cli_unknown_project({ code }, { locale: ctx.locale }));
	await requireOnProject(handle, user, permission, code, ctx);
	return { user, projectId };
}

async function printSample(
	handle: DatabaseHandle,
	projectId: number,
	number: number,
	ctx: CliContext
) {
	const { locale } = ctx;
	const view = (await sampleWithProgress(handle.db, projectId, number))!;
	const s = view.sample;
	ctx.out(
		`${m.sample_title({ number }, { locale })}: ${methodLabel(s.method, locale)}, ${strataLabel(s.strata, locale)}`
	);
	for (const line of howDrawn(s, locale)) ctx.out(line);
	ctx.out(
		populationText(
			{ rows: s.populationRows, cents: s.populationCents, sha256: s.populationSha256 },
			locale
		)
	);
	for (const item of view.items) {
		const cells = [
			String(item.position).padStart(3),
			formatDate(item.date, locale),
			item.documentNumber,
			item.payee,
			formatMoney(item.amountCents, locale, { decimals: 'always' }),
			item.category,
			item.eventNumber ?? '—',
			stateLabel(item.state, locale)
		];
		ctx.out(cells.join('  '));
	}
}

export function registerControlCommands(program: Command, context: () => CliContext): void {
	const say = { locale: context().locale };
	const control = program.command('control').description(m.sample_help_control({}, say));

	control
		.command('sample')
		.description(m.sample_help_sample({}, say))
		.requiredOption('--project <code>', m.sample_help_project({}, say))
		.requiredOption('--method <random|mus>', m.sample_help_method({}, say))
		.requiredOption('--size <n>', m.sample_help_size({}, say))
		.requiredOption('--seed <text>', m.sample_help_seed({}, say))
		.option('--strata <none|year|code|event>', m.sample_help_strata({}, say))
		.option('--from <YYYY-MM-DD>', m.sample_help_from({}, say))
		.option('--to <YYYY-MM-DD>', m.sample_help_to({}, say))
		.option('--json', m.help_json({}, say))
		.action(async (options: SampleOptions) => {
			const ctx = context();
			const { locale } = ctx;
			const params = paramsFrom(options, locale);
			await withDatabase('cofund control sample', async (handle) => {
				const { user, projectId } = await projectFor(handle, ctx, options.project, 'control:write');
				const drawn = await drawSample(handle.db, user, projectId, params).catch(
					(error: unknown) => {
						if (error instanceof SampleParamsError)
							throw new CliFailure(sampleProblem(error, locale));
						throw error;
					}
				);
				if (options.json) return ctx.out(JSON.stringify(drawn, null, 2));
				ctx.out(
					m.sample_cli_drawn({ number: drawn.sample.number, code: options.project }, { locale })
				);
				await printSample(handle, projectId, drawn.sample.number, ctx);
			});
		});

	control
		.command('samples')
		.description(m.sample_help_samples({}, say))
		.requiredOption('--project <code>', m.sample_help_project({}, say))
		.option('--json', m.help_json({}, say))
		.action(async (options: { project: string; json?: boolean }) => {
			const ctx = context();
			const { locale } = ctx;
			await withDatabase('cofund control samples', async (handle) => {
				const { projectId } = await projectFor(handle, ctx, options.project, 'project:read');
				const samples = await listSamples(handle.db, projectId);
				if (options.json) return ctx.out(JSON.stringify(samples, null, 2));
				if (!samples.length)
					return ctx.out(m.sample_cli_none({ code: options.project }, { locale }));
				for (const s of samples) {
					const view = (await sampleWithProgress(handle.db, projectId, s.number))!;
					const { done, total, queried } = view.progress;
					ctx.out(
						[
							String(s.number).padStart(3),
							methodLabel(s.method, locale),
							strataLabel(s.strata, locale),
							s.size,
							`“${s.seed}”`,
							s.drawnBy,
							m.sample_progress({ done, total, queried }, { locale })
						].join('  ')
					);
				}
			});
		});

	control
		.command('redraw')
		.description(m.sample_help_redraw({}, say))
		.requiredOption('--project <code>', m.sample_help_project({}, say))
		.requiredOption('--sample <n>', m.sample_help_number({}, say))
		.option('--json', m.help_json({}, say))
		.action(async (options: { project: string; sample: string; json?: boolean }) => {
			const ctx = context();
			const { locale } = ctx;
			const code = options.project;
			const number = /^\d+$/.test(options.sample) ? Number(options.sample) : NaN;
			const check = await withDatabase('cofund control redraw', async (handle) => {
				const { projectId } = await projectFor(handle, ctx, code, 'project:read');
				const found = await listSamples(handle.db, projectId);
				if (!found.some((s) => s.number === number))
					throw new CliFailure(m.sample_not_found({ code, number: options.sample }, { locale }));
				return redrawSample(handle.db, projectId, number);
			});
			if (options.json) ctx.out(JSON.stringify(check, null, 2));
			else for (const line of redrawText(check, locale)) ctx.out(line);
			// A script can tell from the code alone that the rows differ, as with cofund verify.
			if (!check.identical) process.exitCode = 1;
		});
}
