import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '$tests/factories/cli';
import { localReferenceMarkdown } from '$lib/i18n/reference-messages';
import { fromPackageRoot } from '$lib/server/package-root';

// Neither command opens a database: no data folder, no user.
const ENV = { DATABASE_URL: '', COFUND_USER: '', COFUND_DATA_DIR: '' };
const cli = (args: string[], env: Record<string, string> = {}) =>
	runCli(args, { ...ENV, COFUND_LANG: '', ...env });
const dir = mkdtempSync(join(tmpdir(), 'cofund-template-'));

/** A template with two problems on two lines: an unknown field, and a tag left open. */
const BROKEN = [
	'template: test-template',
	'name: Test',
	'languages: [lv, en]',
	'data: [plan]',
	'content:',
	'  - text: "{{ project.programm }}"',
	'  - text: fine',
	"  - text: '{% if project.code %}open'"
].join('\n');

describe('cofund template reference', () => {
	it('prints the reference page’s text in the language --ui-lang or COFUND_LANG names', async () => {
		const lv = await cli(['--ui-lang', 'lv', 'template', 'reference']);
		expect(lv.code, lv.err).toBe(0);
		expect(lv.out.trimEnd()).toBe(localReferenceMarkdown('lv'));
		expect(lv.out).toContain('# Lauku apraksts');
		expect(lv.out).toContain('| Lauks | Tips | Nozīme |');
		expect(lv.out).toContain('## Filtri');

		const en = await cli(['template', 'reference'], { COFUND_LANG: 'en' });
		expect(en.code, en.err).toBe(0);
		expect(en.out.trimEnd()).toBe(localReferenceMarkdown('en'));
		expect(en.out).toContain('| Field | Type | Meaning |');
		expect((await cli(['template', 'reference'], { COFUND_LANG: 'lv' })).out).toBe(lv.out);
		// The two languages describe the same fields, in the same order.
		const paths = (text: string) => text.match(/^\| `[^`]+`/gm);
		expect(paths(lv.out)).toEqual(paths(en.out));
	});

	it('still prints templates/REFERENCE.md as the data types generate it', async () => {
		const generated = await cli(['--ui-lang', 'lv', 'template', 'reference', '--generated']);
		expect(generated.code, generated.err).toBe(0);
		expect(generated.out.trimEnd()).toBe(
			readFileSync(fromPackageRoot('templates/REFERENCE.md'), 'utf8').trimEnd()
		);
	});
});

describe('cofund template check', () => {
	it('lists every problem of a file, each with its line, in the messages’ language', async () => {
		const file = join(dir, 'broken.yaml');
		writeFileSync(file, BROKEN);
		const lv = await cli(['--ui-lang', 'lv', 'template', 'check', file]);
		expect(lv.code).toBe(1);
		expect(lv.err).toContain(
			`${file}, 6. rinda: Nezināms lauks “programm” izteiksmē project.programm.`
		);
		expect(lv.err).toContain(`${file}, 8. rinda: “{% if project.code %}” nav aizvērts.`);
		const en = await cli(['--ui-lang', 'en', 'template', 'check', file]);
		expect(en.code).toBe(1);
		expect(en.err).toContain(`${file}, line 6: Unknown field “programm” in project.programm.`);
		expect(en.err).toContain(`${file}, line 8: “{% if project.code %}” is not closed.`);
	});

	it('says a sound file has no errors', async () => {
		const file = join(dir, 'fine.yaml');
		writeFileSync(file, BROKEN.replace('programm', 'code').replace('open', 'open{% endif %}'));
		const checked = await cli(['--ui-lang', 'lv', 'template', 'check', file]);
		expect(checked.code, checked.err).toBe(0);
		expect(checked.out.trim()).toBe('Kļūdu nav.');
	});
});
