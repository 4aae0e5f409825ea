/** The `cofund` command line: the same services as the web app, for scripts and administrators. */
import { m } from '$lib/paraglide/messages.js';
import { Command, CommanderError } from 'commander';
import { registerDemoCommand } from './commands/demo';
import { registerProjectCommands } from './commands/project';
import { registerPlanCommands } from './commands/plan';
import { registerControlCommands } from './commands/control';
import { registerServerCommands } from './commands/server';
import { registerAuditCommands } from './commands/audit';
import { registerUserCommands } from './commands/user';
import { registerImportCommands } from './commands/import';
import { registerDocumentCommands } from './commands/document';
import { registerTemplateCommands } from './commands/template';
import { registerBackupCommands } from './commands/backup';
import { registerPeriodCommands } from './commands/period';
import { cliLocale, explain, type CliContext } from './context';
import { languageArgs } from './language-flags';

export async function run(given: string[]): Promise<number> {
	// The messages' language is read before parsing, so that even `--help` speaks it.
	const { argv, uiLang } = languageArgs(given);
	const locale = cliLocale(uiLang);
	const say = { locale };
	const program = new Command('cofund')
		.description(m.help_program({}, say))
		.option('--ui-lang <lv|en>', m.help_lang({}, say))
		.option('--as <email>', m.help_as({}, say))
		.helpCommand(false)
		.showHelpAfterError()
		.exitOverride();

	const context = (): CliContext => ({
		locale,
		actAs: program.opts<{ as?: string }>().as || process.env.COFUND_USER || undefined,
		out: (line) => console.log(line),
		err: (line) => console.error(line)
	});

	registerProjectCommands(program, context);
	registerPlanCommands(program, context);
	registerControlCommands(program, context);
	registerDemoCommand(program, context);
	registerServerCommands(program, context);
	registerAuditCommands(program, context);
	registerUserCommands(program, context);
	registerImportCommands(program, context);
	registerDocumentCommands(program, context);
	registerTemplateCommands(program, context);
	registerBackupCommands(program, context);
	registerPeriodCommands(program, context);
	const everyCommand = (command: Command): Command[] => [
		command,
		...command.commands.flatMap(everyCommand)
	];
	const titles: Record<string, string> = {
		'Usage:': m.help_title_usage({}, say),
		'Options:': m.help_title_options({}, say),
		'Commands:': m.help_title_commands({}, say),
		'Arguments:': m.help_title_arguments({}, say)
	};
	for (const command of everyCommand(program)) {
		command
			.helpOption('-h, --help', m.help_help({}, say))
			.helpCommand(false)
			.configureHelp({ styleTitle: (title) => titles[title] ?? title });
	}

	try {
		process.exitCode = undefined;
		await program.parseAsync(argv);
		// A command that answers with a code of its own (cofund verify) sets it as it ends.
		return typeof process.exitCode === 'number' ? process.exitCode : 0;
	} catch (error) {
		if (error instanceof CommanderError) return error.exitCode;
		const explained = explain(error, locale);
		if (explained === null) throw error;
		console.error(explained);
		return 1;
	}
}
