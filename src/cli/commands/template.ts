/** `cofund template list|show|reference|check|save`: the document templates and their versions. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { madeOn } from '$lib/i18n/document-messages';
import { m } from '$lib/paraglide/messages.js';
import {
	actingUser,
	CliFailure,
	requirePermission,
	withDatabase,
	type CliContext
} from '../context';
import { explainDocumentError, positiveInteger, services, templateProblemLines } from './document';

function readTemplateFile(file: string, ctx: CliContext): Promise<string> {
	return readFile(file, 'utf8').catch((error: Error) => {
		throw new CliFailure(
			m.cli_file_unreadable({ file, detail: error.message }, { locale: ctx.locale })
		);
	});
}

export function registerTemplateCommands(program: Command, context: () => CliContext): void {
	const say = { locale: context().locale };
	const templates = program.command('template').description(m.help_template({}, say));
	templates
		.command('list')
		.description(m.help_template_list({}, say))
		.action(async () => {
			const ctx = context();
			const s = await services();
			await withDatabase('cofund template list', async (handle) => {
				await actingUser(handle, ctx);
				for (const { id, newest } of await s.listTemplates(handle.db)) {
					if (!newest) {
						ctx.out(`${id.padEnd(20)} ${m.template_not_used({}, { locale: ctx.locale })}`);
						continue;
					}
					const failure = (await s.templateFailuresOf(handle.db, id)).get(newest.version);
					const mark = failure ? `  ${m.template_failure_badge({}, { locale: ctx.locale })}` : '';
					ctx.out(
						`${id.padEnd(20)} v${newest.version}  ${newest.origin}  ${newest.createdBy}  ${madeOn(newest.createdAt, ctx.locale)}${mark}`
					);
					if (failure)
						ctx.out(`  ${s.failureMarkText(failure, `${id} v${newest.version}`, ctx.locale)}`);
				}
			});
		});
	templates
		.command('show')
		.description(m.help_template_show({}, say))
		.argument('<template>', m.help_document_template({}, say))
		.option('--version <n>', m.help_document_version({}, say))
		.action(async (template: string, options: { version?: string }) => {
			const ctx = context();
			const version = positiveInteger(options.version, ctx);
			const s = await services();
			await withDatabase('cofund template show', async (handle) => {
				await actingUser(handle, ctx);
				try {
					const loaded =
						version === undefined
							? await s.currentTemplate(handle.db, template)
							: await s.templateVersion(handle.db, template, version);
					ctx.out(loaded.source.replace(/\n$/, ''));
				} catch (error) {
					explainDocumentError(error, ctx, s);
				}
			});
		});
	templates
		.command('reference')
		.description(m.help_template_reference({}, say))
		.option('--generated', m.lo_help_template_reference_generated({}, say))
		.action(async (options: { generated?: boolean }) => {
			const ctx = context();
			const s = await services();
			// The same words as the reference page, in the language the messages are in; the
			// generated file keeps the data types' own English, as templates/REFERENCE.md holds it.
			ctx.out(
				options.generated
					? s.referenceMarkdown().replace(/\n$/, '')
					: s.localReferenceMarkdown(ctx.locale)
			);
		});
	templates
		.command('check')
		.description(m.lo_help_template_check({}, say))
		.argument('<file>', m.help_template_file({}, say))
		.action(async (file: string) => {
			const ctx = context();
			const source = await readTemplateFile(file, ctx);
			const s = await services();
			// The editor's lint, from a terminal: every problem of the file, nothing saved.
			const { problems } = s.lintTemplate(file, source.replace(/\r\n/g, '\n'));
			if (problems.length > 0) throw new CliFailure(templateProblemLines(problems, ctx.locale, s));
			ctx.out(m.tpl_check_ok({}, { locale: ctx.locale }));
		});
	templates
		.command('save')
		.description(m.help_template_save({}, say))
		.argument('<template>', m.help_document_template({}, say))
		.argument('<file>', m.help_template_file({}, say))
		.action(async (template: string, file: string) => {
			const ctx = context();
			const source = await readTemplateFile(file, ctx);
			const s = await services();
			await withDatabase('cofund template save', async (handle) => {
				const user = await actingUser(handle, ctx);
				requirePermission(user, 'template:edit', ctx);
				try {
					// The CLI saves over the newest version; the web editor sends the one it started from.
					const current = await s.currentTemplate(handle.db, template);
					const saved = await s.saveTemplateEdit(
						handle.db,
						user,
						template,
						source,
						current.version,
						file
					);
					ctx.out(
						m.cli_template_saved({ template, version: saved.version }, { locale: ctx.locale })
					);
					const history = await s.templateHistory(handle.db, template);
					ctx.out(m.cli_template_versions({ count: history.length }, { locale: ctx.locale }));
				} catch (error) {
					explainDocumentError(error, ctx, s);
				}
			});
		});
}
