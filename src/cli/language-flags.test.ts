import { describe, expect, it } from 'vitest';
import { languageArgs } from './language-flags';

const cli = (...args: string[]) => languageArgs(['node', 'cofund.js', ...args]);

describe("the CLI's two languages", () => {
	it('keeps the --lang of cofund document for the document, and --ui-lang for the messages', () => {
		const args = ['--ui-lang', 'lv', 'document', 'council-annex', '--lang', 'en', '--out', 'f'];
		expect(cli(...args)).toEqual({ argv: ['node', 'cofund.js', ...args], uiLang: 'lv' });
		expect(cli('document', 'council-annex', '--lang=en', '--ui-lang=lv').uiLang).toBe('lv');
		expect(cli('document', 'council-annex', '--lang', 'en').uiLang).toBeUndefined();
	});

	it('reads an older --lang before the command as the messages’ language', () => {
		const { argv, uiLang } = cli('--lang', 'en', '--as', 'a@b.lv', 'document', 'x', '--lang', 'lv');
		expect(uiLang).toBe('en');
		expect(argv.slice(2)).toEqual([
			'--ui-lang',
			'en',
			'--as',
			'a@b.lv',
			'document',
			'x',
			'--lang',
			'lv'
		]);
	});

	it('reads --lang after a command that makes no document as the messages’ language', () => {
		expect(cli('--as', 'a@b.lv', 'summary', '--project', 'SOLID', '--lang=lv')).toEqual({
			argv: [
				'node',
				'cofund.js',
				'--as',
				'a@b.lv',
				'summary',
				'--project',
				'SOLID',
				'--ui-lang=lv'
			],
			uiLang: 'lv'
		});
		expect(cli('--lang', 'lv').uiLang).toBe('lv');
	});

	it('does not take an option’s value for the command, nor touch what follows --', () => {
		expect(cli('--as', 'document', 'project', 'list', '--lang', 'lv').uiLang).toBe('lv');
		expect(cli('--', '--lang', 'lv')).toEqual({
			argv: ['node', 'cofund.js', '--', '--lang', 'lv'],
			uiLang: undefined
		});
	});
});
