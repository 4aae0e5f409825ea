/**
 * The CLI's two languages: the messages' (`--ui-lang`, else COFUND_LANG or LANG) and a
 * document's (`cofund document … --lang`). `--lang` was once the messages' language only, so
 * before the command, and after a command that makes no document, it still means `--ui-lang`.
 */

/** Commands whose own `--lang` is the language of what they make. */
const DOCUMENT_COMMANDS = new Set(['document']);
/** The program's options that take a value, so that the value is not taken for the command. */
const VALUED = new Set(['--as', '--ui-lang', '--lang']);

const isLangFlag = (arg: string) => arg === '--lang' || arg.startsWith('--lang=');

/** Where the command's name is in `argv` (after `node` and the script), or -1. */
function commandIndex(argv: readonly string[]): number {
	for (let i = 2; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') return -1;
		if (VALUED.has(arg)) i++;
		else if (!arg.startsWith('-')) return i;
	}
	return -1;
}

export interface LanguageArgs {
	/** The arguments with every `--lang` that means the messages' language written `--ui-lang`. */
	argv: string[];
	/** The messages' language asked for, if any (checked by `cliLocale`). */
	uiLang: string | undefined;
}

export function languageArgs(argv: readonly string[]): LanguageArgs {
	const at = commandIndex(argv);
	const documentLangFrom = at >= 0 && DOCUMENT_COMMANDS.has(argv[at]!) ? at : Infinity;
	const end = argv.indexOf('--') < 0 ? argv.length : argv.indexOf('--');
	const args = argv.map((arg, i) =>
		isLangFlag(arg) && i < Math.min(documentLangFrom, end)
			? arg.replace('--lang', '--ui-lang')
			: arg
	);
	let uiLang: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--') break;
		if (arg === '--ui-lang') uiLang = args[i + 1];
		else if (arg.startsWith('--ui-lang=')) uiLang = arg.slice('--ui-lang='.length);
	}
	return { argv: args, uiLang };
}
