/** `cofund document` and `cofund verify`: documents from a terminal (templates: ./template.ts). */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { parseIsoDate } from '$lib/domain/format';
import { isLocale, type Locale } from '$lib/domain/locale';
import { claimDate, describeChange, languageName, madeOn } from '$lib/i18n/document-messages';
import { m } from '$lib/paraglide/messages.js';
import type { DisclosedVerdict } from '$lib/server/documents/verify-disclosure';
import {
	actingUser,
	CliFailure,
	forbidden,
	requirePermission,
	withDatabase,
	type CliContext
} from '../context';

export type Services = typeof import('./document-services');
export const services = (): Promise<Services> => import('./document-services');

interface DocumentOptions {
	project: string;
	lang?: string;
	version?: string;
	date?: string;
	format?: string;
	plan?: string;
	decision?: string;
	out: string;
}

const FORMATS = ['pdf', 'docx'] as const;
type Format = (typeof FORMATS)[number];

/** Written beside its place and renamed: a failed run never leaves half a file there. */
async function writeWhole<T>(file: string, bytes: Buffer, keep: () => Promise<T>): Promise<T> {
	await mkdir(dirname(file), { recursive: true });
	const partial = `${file}.partial`;
	await writeFile(partial, bytes);
	const kept = await keep();
	await rename(partial, file);
	return kept;
}

/** Each problem of a template on a line of its own: the file, the line, and what is wrong. */
export function templateProblemLines(
	problems: readonly InstanceType<Services['TemplateError']>[],
	locale: Locale,
	s: Services
): string {
	return problems
		.map(({ file, line, issue }) =>
			m.cli_template_error({ file, line, problem: s.templateIssueText(issue, locale) }, { locale })
		)
		.join('\n');
}

/** The failures a person can act on, said plainly; anything else stays a real error. */
export function explainDocumentError(error: unknown, ctx: CliContext, s: Services): never {
	const say = { locale: ctx.locale };
	const { TemplateError, UnknownTemplateError, UnknownProjectError, TemplateConflictError } = s;
	const failed = s.renderFailureText(error, ctx.locale);
	if (failed) throw new CliFailure(failed);
	if (error instanceof TemplateError)
		throw new CliFailure(templateProblemLines(s.templateProblems(error), ctx.locale, s));
	if (error instanceof UnknownTemplateError)
		throw new CliFailure(
			error.version === undefined
				? m.cli_unknown_template({ template: error.templateId }, say)
				: m.cli_unknown_template_version(
						{ template: error.templateId, version: error.version },
						say
					)
		);
	if (error instanceof UnknownProjectError)
		throw new CliFailure(m.cli_unknown_project({ code: error.code }, say));
	if (error instanceof s.UnknownPlanError)
		throw new CliFailure(
			'plan' in error.asked
				? m.decision_unknown_plan({ code: error.code, plan: error.asked.plan }, say)
				: m.decision_unknown_decision({ code: error.code, number: error.asked.decision }, say)
		);
	if (error instanceof TemplateConflictError)
		throw new CliFailure(
			m.cli_template_conflict({ template: error.templateId, newest: error.newest }, say)
		);
	throw error;
}

export function positiveInteger(text: string | undefined, ctx: CliContext): number | undefined {
	if (text === undefined) return undefined;
	if (!/^[1-9]\d{0,8}$/.test(text))
		throw new CliFailure(m.cli_bad_version({ version: text }, { locale: ctx.locale }));
	return Number(text);
}

async function documentCommand(template: string, options: DocumentOptions, ctx: CliContext) {
	const say = { locale: ctx.locale };
	const lang: Locale =
		options.lang === undefined ? 'lv' : isLocale(options.lang) ? options.lang : 'lv';
	if (options.lang !== undefined && !isLocale(options.lang))
		throw new CliFailure(m.cli_bad_lang({ lang: options.lang }, say));
	if (options.date !== undefined && !parseIsoDate(options.date))
		throw new CliFailure(m.cli_bad_date({ date: options.date }, say));
	const version = positiveInteger(options.version, ctx);
	const format = (options.format ?? 'pdf') as Format;
	if (!FORMATS.includes(format))
		throw new CliFailure(m.docx_cli_bad_format({ format: options.format ?? '' }, say));
	const plan = positiveInteger(options.plan, ctx);
	if (plan !== undefined && options.decision !== undefined)
		throw new CliFailure(m.decision_plan_and_decision({}, say));
	const s = await services();
	await withDatabase('cofund document', async (handle) => {
		const user = await actingUser(handle, ctx);
		if (!(await s.mayMakeTemplate(handle.db, user, template, options.project)))
			throw forbidden(user, `${template} ${options.project}`, ctx);
		const request = {
			project: options.project,
			template,
			lang,
			version,
			date: options.date,
			plan,
			decision: options.decision
		};
		try {
			if (format === 'docx') {
				// A Word file is for editing; it is not kept, and the PDF stays the record one verifies.
				const made = await s.makeDocx(handle.db, request, { actor: user });
				await writeWhole(options.out, made.docx, async () => {});
				const { template: id, version: v, lang: l } = made.parameters;
				ctx.out(
					m.docx_cli_made(
						{ file: options.out, template: id, version: v, lang: l, sha256: made.sha256 },
						say
					)
				);
				return;
			}
			const made = await s.makeDocument(handle.db, request, { actor: user });
			if (made.skipped)
				ctx.out(
					m.template_failure_skipped(
						{
							version: made.skipped.version,
							used: made.parameters.version,
							problem: s.failureMarkText(
								made.skipped,
								`${template} v${made.skipped.version}`,
								ctx.locale
							)
						},
						say
					)
				);
			const stored = await writeWhole(options.out, made.pdf, () =>
				s.storeDocument(handle.db, made, user)
			);
			ctx.out(
				m.cli_document_made(
					{
						file: options.out,
						id: stored.id,
						template: made.parameters.template,
						version: made.parameters.version,
						lang: made.parameters.lang,
						sha256: made.sha256,
						fingerprint: made.fingerprint
					},
					say
				)
			);
			if (made.parameters.plan !== undefined)
				ctx.out(m.decision_plan_used({ plan: made.parameters.plan }, say));
			if (!stored.created) ctx.out(m.cli_document_repeated({ id: stored.id }, say));
		} catch (error) {
			explainDocumentError(error, ctx, s);
		}
	});
}

export function printVerdict(
	verdict: DisclosedVerdict,
	ctx: CliContext,
	templateNames: Record<string, string> = {}
): void {
	const templateName = (id: string) => templateNames[id] ?? id;
	const { locale } = ctx;
	const say = { locale };
	if ('withheld' in verdict) {
		const said = verdict.genuine
			? m.cli_verify_withheld_genuine
			: m.cli_verify_withheld_not_genuine;
		return ctx.out(said({}, say));
	}
	if (!verdict.genuine) {
		const { record } = verdict;
		if (!record) ctx.out(m.verify_not_genuine({ sha256: verdict.sha256 }, say));
		else if (record.logged)
			ctx.out(m.verify_record_altered({ id: record.id, logged: record.logged }, say));
		else ctx.out(m.verify_record_no_event({ id: record.id }, say));
		const { claims, original } = verdict;
		if (claims)
			ctx.out(
				m.verify_claims(
					{
						template: claims.template ? templateName(claims.template) : '?',
						version: claims.version ?? '?',
						project: claims.project ?? '?',
						lang: claims.lang ? languageName(claims.lang, locale) : '?',
						date: claims.date ? claimDate(claims.date, locale) : '?',
						fingerprint: claims.fingerprint ?? '?'
					},
					say
				)
			);
		if (original)
			ctx.out(
				m.verify_original(
					{ id: original.id, date: madeOn(original.createdAt, locale), by: original.createdBy },
					say
				)
			);
		return;
	}
	const { document, data, template } = verdict;
	const p = document.parameters;
	ctx.out(
		m.verify_genuine(
			{
				id: document.id,
				template: templateName(p.template),
				version: p.version,
				lang: languageName(p.lang, locale),
				project: document.project,
				date: madeOn(document.createdAt, locale),
				by: document.createdBy
			},
			say
		)
	);
	if (data.same) ctx.out(m.verify_data_same({ fingerprint: document.fingerprint }, say));
	else {
		ctx.out(m.verify_data_changed({}, say));
		for (const change of data.changes)
			ctx.out(`  - ${describeChange(change, locale, data.currency)}`);
	}
	ctx.out(
		template.same
			? m.verify_template_same({ version: p.version }, say)
			: m.verify_template_newer({ version: p.version, newest: template.newest }, say)
	);
}

/**
 * Exit codes a script can test: 0 genuine and unchanged, 2 genuine but changed, 3 not genuine,
 * 4 genuine but of a project the user is not a member of, so whether it changed is not said.
 */
export const VERIFY_EXIT = { unchanged: 0, changed: 2, notGenuine: 3, withheld: 4 } as const;

export function verifyExitCode(verdict: DisclosedVerdict): number {
	if (!verdict.genuine) return VERIFY_EXIT.notGenuine;
	if ('withheld' in verdict) return VERIFY_EXIT.withheld;
	return verdict.data.same ? VERIFY_EXIT.unchanged : VERIFY_EXIT.changed;
}

export function registerDocumentCommands(program: Command, context: () => CliContext): void {
	const say = { locale: context().locale };
	program
		.command('document')
		.description(m.help_document({}, say))
		.argument('<template>', m.help_document_template({}, say))
		.requiredOption('--project <code>', m.help_import_project({}, say))
		.option('--lang <lv|en>', m.help_document_lang({}, say))
		.option('--version <n>', m.help_document_version({}, say))
		.option('--date <YYYY-MM-DD>', m.help_document_date({}, say))
		.option('--format <pdf|docx>', m.docx_help_format({}, say))
		.option('--plan <n>', m.decision_help_plan({}, say))
		.option('--decision <number>', m.decision_help_decision({}, say))
		.requiredOption('--out <file>', m.help_document_out({}, say))
		.action((template: string, options: DocumentOptions) =>
			documentCommand(template, options, context())
		);

	program
		.command('verify')
		.description(m.help_verify({}, say))
		.argument('<file>', m.help_verify_file({}, say))
		.option('--json', m.help_json({}, say))
		.action(async (file: string, options: { json?: boolean }) => {
			const ctx = context();
			let pdf: Buffer;
			try {
				pdf = await readFile(file);
			} catch (error) {
				throw new CliFailure(
					m.cli_file_unreadable({ file, detail: (error as Error).message }, { locale: ctx.locale })
				);
			}
			const s = await services();
			const { verdict, names } = await withDatabase('cofund verify', async (handle) => {
				const user = await actingUser(handle, ctx);
				requirePermission(user, 'document:verify', ctx);
				const verdict = await s.verifyForReader(handle.db, pdf, user);
				return { verdict, names: await s.templateNames(handle.db, ctx.locale) };
			});
			if (options.json) ctx.out(JSON.stringify(verdict, null, 2));
			else printVerdict(verdict, ctx, names);
			process.exitCode = verifyExitCode(verdict);
		});
}
