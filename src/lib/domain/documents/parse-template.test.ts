import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../../server/package-root';
import { templateIssueText } from '$lib/i18n/template-messages';
import {
	compileTemplate,
	lintTemplate,
	parseTemplate,
	TemplateError,
	TemplateErrors,
	templateProblems,
	textIn
} from './parse-template';

const BLOCK_KINDS =
	'text, heading, rows, table, chart, signatures, page_break, letterhead, sections';

/** A template with the usual head; `content` is the YAML under `content:`, already indented. */
function template(content: string[], head: { data?: string; languages?: string } = {}): string {
	return [
		'template: test-template',
		'name: Test',
		`languages: ${head.languages ?? '[lv, en]'}`,
		`data: ${head.data ?? '[plan]'}`,
		'content:',
		...content
	].join('\n');
}

/** The 1-based line of the one line that holds `needle`. */
function lineOf(source: string, needle: string): number {
	const lines = source.split('\n');
	const found = lines.flatMap((line, i) => (line.includes(needle) ? [i + 1] : []));
	if (found.length !== 1) throw new Error(`"${needle}" is on ${found.length} lines, not one`);
	return found[0]!;
}

function errorOf(source: string, file = 'test.yaml'): TemplateError {
	try {
		parseTemplate(file, source);
	} catch (error) {
		if (error instanceof TemplateError) return error;
		throw error;
	}
	throw new Error('the template parsed without an error');
}

describe('a template that parses', () => {
	it('gives the checked definition, with the page and limits defaults filled in', () => {
		const source = template(['  - text: "{{ project.code }}"']);
		const { definition, file } = parseTemplate('test.yaml', source);
		expect(file).toBe('test.yaml');
		expect(definition).toMatchObject({
			template: 'test-template',
			languages: ['lv', 'en'],
			data: ['plan'],
			page: { size: 'A4', orientation: 'portrait', margins: [60, 50, 50, 50], font_size: 11 },
			limits: { expense_rows: 20_000 },
			content: [{ text: '{{ project.code }}' }]
		});
	});

	it('takes a plain text for every language and a localized one per language', () => {
		expect(textIn('same', 'lv')).toBe('same');
		expect(textIn('same', 'en')).toBe('same');
		expect(textIn({ lv: 'latviski', en: 'in English' }, 'en')).toBe('in English');
		expect(textIn({ lv: 'latviski' }, 'en')).toBeUndefined();
	});

	it('lets the page footer read the page numbers', () => {
		const source = [
			'template: test-template',
			'name: Test',
			'languages: [lv]',
			'data: [plan]',
			'page:',
			"  footer: '{{ page }} / {{ pages }}'",
			'content:',
			'  - text: x'
		].join('\n');
		expect(parseTemplate('test.yaml', source).definition.page.footer).toBe(
			'{{ page }} / {{ pages }}'
		);
	});

	it.each([
		'council-annex.yaml',
		'council-decision.yaml',
		'final-report.yaml',
		'control-report.yaml'
	])('parses the shipped template %s', (name) => {
		const source = readFileSync(fromPackageRoot('templates', name), 'utf8');
		const parsed = parseTemplate(name, source);
		expect(parsed.definition.template).toBe(name.replace('.yaml', ''));
		expect(parsed.definition.languages).toEqual(['lv', 'en']);
		for (const lang of parsed.definition.languages)
			expect(compileTemplate(parsed, lang).texts.size).toBeGreaterThan(0);
	});
});

describe('every problem is a TemplateError with the file, the line and the problem', () => {
	it('writes the message as file:line: problem', () => {
		const source = template(['  - paragraph: x']);
		const error = errorOf(source, 'templates/annex.yaml');
		expect(error).toBeInstanceOf(TemplateError);
		expect(error.name).toBe('TemplateError');
		expect(error.file).toBe('templates/annex.yaml');
		expect(error.message).toBe(`templates/annex.yaml:${error.line}: ${error.problem}`);
	});

	it('gives the line of bad YAML indentation', () => {
		const source = template(['  - text: a', '   style: title']);
		const error = errorOf(source);
		expect(error.problem).toMatch(/indicator/);
		expect(error.line).toBe(lineOf(source, 'style: title'));
	});

	it('gives the line of a key written twice', () => {
		const source = template(['  - text: a', '    style: title', '    style: note']);
		const error = errorOf(source);
		expect(error.problem).toMatch(/unique/);
		expect(error.line).toBe(lineOf(source, 'style: note'));
	});

	it('names the line of an unknown block kind and lists the kinds', () => {
		const source = template(['  - text: a', '  - paragraph: x']);
		const error = errorOf(source);
		expect(error.problem).toBe(`unknown block; a block starts with one of: ${BLOCK_KINDS}`);
		expect(error.line).toBe(lineOf(source, 'paragraph'));
	});

	it('refuses a block with two kinds', () => {
		const source = template(['  - text: a', '  - text: b', '    heading: c']);
		const error = errorOf(source);
		expect(error.problem).toBe('a block has one kind, this one has text and heading');
		expect(error.line).toBe(lineOf(source, 'text: b'));
	});

	it('names an unknown option inside a table, on its own line', () => {
		const source = template([
			'  - table:',
			'      rows: events',
			'      columns:',
			'        - title: Event',
			"          value: '{{ row.number }}'",
			'      if: events.size > 0'
		]);
		const error = errorOf(source);
		expect(error.problem).toBe('table block: unknown option "if"');
		expect(error.line).toBe(lineOf(source, 'if: events.size'));
	});

	it('names a wrong option value with the block kind', () => {
		const source = template(['  - text: a', '  - heading: b', '    level: 4']);
		const error = errorOf(source);
		expect(error.problem).toMatch(/^heading block: /);
		expect(error.line).toBe(lineOf(source, 'level: 4'));
	});

	it('names a bad template id in the head', () => {
		const source = template(['  - text: a']).replace('test-template', 'Bad Id');
		const error = errorOf(source);
		expect(error.problem).toBe(
			'template: template must be a short id of small letters, digits and dashes'
		);
		expect(error.line).toBe(1);
	});

	it('names a data part that does not exist', () => {
		const source = template(['  - text: a'], { data: '[plan, invoices]' });
		const error = errorOf(source);
		expect(error.problem).toMatch(/^data\[1\]: /);
		expect(error.line).toBe(lineOf(source, 'data:'));
	});

	it('says which language a localized text lacks, at its line', () => {
		const source = template(['  - text: a', '  - text:', '      lv: Tikai latviski']);
		const error = errorOf(source);
		expect(error.problem).toBe('no EN text here');
		expect(error.line).toBe(lineOf(source, 'Tikai latviski'));
	});

	it('gives the exact file line of a Liquid syntax error on the 3rd line of a | block', () => {
		const source = template([
			'  - text: a',
			'  - text: |',
			'      first line',
			'      second line {{ project.code }}',
			'      third line {% if %}',
			'      fourth line'
		]);
		const error = errorOf(source);
		expect(error.problem).not.toMatch(/line:\d/);
		expect(error.line).toBe(lineOf(source, 'third line'));
	});

	it('gives the line of a tag left open', () => {
		const source = template(['  - text: a', "  - text: '{% if project.code %}open'"]);
		const error = errorOf(source);
		expect(error.problem).toMatch(/not closed/);
		expect(error.line).toBe(lineOf(source, 'open'));
	});

	it('gives the line of an unknown field in an {% if false %} branch that never renders', () => {
		const source = template([
			'  - text: a',
			"  - text: '{% if false %}{{ project.titel }}{% endif %}'"
		]);
		const error = errorOf(source);
		expect(error.problem).toBe('unknown field "titel" in project.titel');
		expect(error.line).toBe(lineOf(source, 'titel'));
	});

	it('gives the exact line of an unknown field on a later line of a | block', () => {
		const source = template([
			'  - text: |',
			'      Project {{ project.code }}',
			'      {% if false %}',
			'      {{ project.titel }}',
			'      {% endif %}'
		]);
		const error = errorOf(source);
		expect(error.problem).toBe('unknown field "titel" in project.titel');
		expect(error.line).toBe(lineOf(source, 'titel'));
	});

	it('names an unknown top-level field by itself', () => {
		const source = template(['  - text: "{{ projekt.code }}"']);
		expect(errorOf(source).problem).toBe('unknown field "projekt"');
	});

	it('says a field needs expenses when the data lists only the plan', () => {
		const source = template(['  - text: a', '  - text: "{{ budget.total.plan }}"']);
		const error = errorOf(source);
		expect(error.problem).toBe(
			"budget.total.plan needs the expenses: add expenses to the template's data list"
		);
		expect(error.line).toBe(lineOf(source, 'budget.total.plan'));
	});

	it.each([
		['mobility.share', 'trips'],
		['events.first.participants', 'trips'],
		['events.last.done', 'trips'],
		['events.first.spent', 'expenses'],
		['expenses.count', 'expenses']
	])('says %s needs the %s', (field, part) => {
		const error = errorOf(template([`  - text: "{{ ${field} }}"`]));
		expect(error.problem).toBe(
			`${field} needs the ${part}: add ${part} to the template's data list`
		);
	});

	it('accepts the same fields once the data lists their rows', () => {
		const source = template(
			[
				'  - text: "{{ mobility.share }} {{ events.first.participants.size }}"',
				'  - text: "{{ budget.total.plan }} {{ expenses.count }} {{ events.first.spent }}"'
			],
			{ data: '[plan, expenses, trips]' }
		);
		expect(parseTemplate('test.yaml', source).definition.data).toEqual([
			'plan',
			'expenses',
			'trips'
		]);
	});

	it.each(["{% include 'x' %}", "{% render 'x' %}", "{% layout 'x' %}"])(
		'refuses %s as not allowed, at its line',
		(tag) => {
			const source = template(['  - text: a', `  - text: "${tag}"`]);
			const error = errorOf(source);
			const name = tag.split(' ')[1];
			expect(error.problem).toBe(
				`{% ${name} %} is not allowed: a template cannot read other files`
			);
			expect(error.line).toBe(lineOf(source, tag));
		}
	);

	it.each(['project.constructor', 'project.__proto__'])(
		'treats the prototype property %s as an unknown field',
		(field) => {
			const source = template([`  - text: "{{ ${field} }}"`]);
			const error = errorOf(source);
			expect(error.problem).toMatch(/^unknown field/);
			expect(error.line).toBe(lineOf(source, field));
		}
	);

	it('makes an unknown filter an error with its line', () => {
		const source = template(['  - text: a', '  - text: "{{ project.code | shout }}"']);
		const error = errorOf(source);
		expect(error.problem).toBe('undefined filter: shout');
		expect(error.line).toBe(lineOf(source, 'shout'));
	});

	it('checks a block condition: an unknown field in if: gives the line of the if', () => {
		const source = template(['  - text: a', '  - text: b', '    if: project.titel != ""']);
		const error = errorOf(source);
		expect(error.problem).toBe('unknown field "titel" in project.titel');
		expect(error.line).toBe(lineOf(source, 'if: project.titel'));
	});

	it('refuses row fields outside a table', () => {
		const error = errorOf(template(['  - text: "{{ row.year }}"']));
		expect(error.problem).toBe('unknown field "row"');
	});

	it('refuses page numbers outside the page footer', () => {
		const error = errorOf(template(['  - text: "{{ page }}"']));
		expect(error.problem).toBe('unknown field "page"');
	});

	it('checks a table column against the items of its rows list', () => {
		const source = template([
			'  - table:',
			'      rows: events',
			'      columns:',
			'        - title: Event',
			"          value: '{{ row.number }} {{ row.plase }}'"
		]);
		const error = errorOf(source);
		expect(error.problem).toBe('unknown field "plase" in row.plase');
		expect(error.line).toBe(lineOf(source, 'row.plase'));
	});

	it('checks that a table rows list exists and its data is listed', () => {
		const unknownList = template([
			'  - table:',
			'      rows: evnts',
			'      columns:',
			'        - { title: A, value: x }'
		]);
		expect(errorOf(unknownList)).toMatchObject({
			problem: 'unknown field "evnts"',
			line: lineOf(unknownList, 'rows: evnts')
		});
		const needsExpenses = template([
			'  - table:',
			'      rows: expenses.rows',
			'      columns:',
			'        - { title: A, value: x }'
		]);
		expect(errorOf(needsExpenses)).toMatchObject({
			problem: "expenses.rows needs the expenses: add expenses to the template's data list",
			line: lineOf(needsExpenses, 'rows: expenses.rows')
		});
	});

	it('refuses a rows list that is not a dotted field name', () => {
		const source = template([
			'  - table:',
			'      rows: "events | first"',
			'      columns:',
			'        - { title: A, value: x }'
		]);
		const error = errorOf(source);
		expect(error.problem).toBe(
			'table block: rows must name a list in the data, such as budget.years'
		);
		expect(error.line).toBe(lineOf(source, 'events | first'));
	});
});

describe('compiling a parsed template for one language', () => {
	it('fails for a language the template does not have, naming its languages', () => {
		const source = template(['  - text: a'], { languages: '[lv]' });
		const parsed = parseTemplate('test.yaml', source);
		let error: unknown;
		try {
			compileTemplate(parsed, 'en');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(TemplateError);
		expect(error).toMatchObject({
			file: 'test.yaml',
			line: lineOf(source, 'languages:'),
			problem: 'the template has no EN version (languages: lv)'
		});
	});

	it('compiles every text and every condition, keyed by its path', () => {
		const source = template([
			'  - text: { lv: Sveiki, en: Hello }',
			'    if: project.code != ""',
			'  - rows:',
			'      - label: A',
			'        text: B',
			'        if: partners.size > 0'
		]);
		const compiled = compileTemplate(parseTemplate('test.yaml', source), 'en');
		expect(compiled.lang).toBe('en');
		expect([...compiled.texts.keys()]).toEqual([
			'["name"]',
			'["content",0,"text"]',
			'["content",1,"rows",0,"label"]',
			'["content",1,"rows",0,"text"]'
		]);
		expect(compiled.texts.get('["content",0,"text"]')!.at).toEqual(['content', 0, 'text', 'en']);
		expect([...compiled.conditions.keys()]).toEqual([
			'["content",0,"if"]',
			'["content",1,"rows",0,"if"]'
		]);
	});
});

describe('YAML anchors and aliases', () => {
	it('refuses an alias with the line of its anchor, not a crash', () => {
		const source = template(['  - text: &greeting "Labdien"', '  - text: *greeting']);
		const error = errorOf(source);
		expect(error.line).toBe(lineOf(source, '&greeting'));
		expect(error.problem).toMatch(/anchors and aliases .* are not allowed/);
	});

	it('refuses the billion laughs, at its first anchor, before anything is expanded', () => {
		const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
		for (const [i, name] of [...'bcdefghi'].entries())
			lines.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`);
		const source = [template(['  - text: "{{ project.code }}"']), ...lines].join('\n');
		const started = performance.now();
		const error = errorOf(source);
		expect(error.line).toBe(lineOf(source, 'a: &a'));
		expect(error.problem).toMatch(/anchors and aliases/);
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	it('refuses a merge key, which is an alias too', () => {
		const source = template(['  - text: x', '    <<: *base']).replace(
			'content:',
			'base: &base { style: note }\ncontent:'
		);
		expect(errorOf(source).line).toBe(lineOf(source, '&base'));
	});
});

describe('a template with several problems', () => {
	/** Each problem as "line: text" in a language, in the order the check gives them. */
	const said = (source: string, locale: 'lv' | 'en') =>
		lintTemplate('test.yaml', source).problems.map(
			(p) => `${p.line}: ${templateIssueText(p.issue, locale)}`
		);

	it('reports every YAML error, each at its line, in LV and EN', () => {
		const source = template([
			'  - heading:',
			'      lv: Pirmais',
			'      lv: Vēlreiz pirmais',
			'  - text: a',
			'  - heading:',
			'      en: Second',
			'      en: Second again'
		]);
		const [first, second] = [lineOf(source, 'Vēlreiz'), lineOf(source, 'Second again')];
		expect(said(source, 'lv')).toEqual([
			`${first}: Šī atslēga te jau ir uzrakstīta; katra atslēga drīkst būt tikai vienreiz.`,
			`${second}: Šī atslēga te jau ir uzrakstīta; katra atslēga drīkst būt tikai vienreiz.`
		]);
		expect(said(source, 'en')).toEqual([
			`${first}: This key is already written here; each key may appear only once.`,
			`${second}: This key is already written here; each key may appear only once.`
		]);
	});

	it('checks each Liquid text on its own, so one bad text hides no other', () => {
		const source = template([
			'  - text: "{{ project.programm }}"',
			'  - text: fine',
			"  - text: '{% if project.code %}open'"
		]);
		const [field, open] = [lineOf(source, 'programm'), lineOf(source, 'open')];
		expect(said(source, 'en')).toEqual([
			`${field}: Unknown field “programm” in project.programm.`,
			`${open}: “{% if project.code %}” is not closed.`
		]);
		expect(said(source, 'lv')).toEqual([
			`${field}: Nezināms lauks “programm” izteiksmē project.programm.`,
			`${open}: “{% if project.code %}” nav aizvērts.`
		]);
	});

	it('reports every schema issue, of the head and of each block', () => {
		const source = template(['  - text: a', '    colour: red', '  - heading: b', '    level: 4']);
		const lines = lintTemplate('test.yaml', source).problems.map((p) => p.line);
		expect(lines).toEqual([lineOf(source, 'colour'), lineOf(source, 'level: 4')]);
		expect(said(source, 'en')[0]).toMatch(/unknown option colour/);
		expect(said(source, 'lv')[0]).toMatch(/nezināma opcija colour/);
	});

	it('throws them all from parseTemplate, the earliest line first', () => {
		const source = template(['  - text: "{{ nothing.here }}"', '  - text: "{{ nor.this }}"']);
		const error = errorOf(source);
		expect(error).toBeInstanceOf(TemplateErrors);
		expect(error.line).toBe(lineOf(source, 'nothing.here'));
		expect(templateProblems(error).map((p) => p.line)).toEqual([
			lineOf(source, 'nothing.here'),
			lineOf(source, 'nor.this')
		]);
		// A text shared by both languages is said once, not once per language.
		expect(templateProblems(error)).toHaveLength(2);
		expect(lintTemplate('test.yaml', template(['  - text: ok'])).problems).toEqual([]);
	});
});
