import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solidDefinition } from '$tests/factories/projects';
import { fromPackageRoot } from '../../server/package-root';
import type { Locale } from '../locale';
import { reportNarratives } from '../report/narratives';
import { buildContext, type ContextOptions } from './build-context';
import type { DocumentData, ExpenseRecord, TripRecord } from './document-data';
import { compileTemplate, parseTemplate, TemplateError } from './parse-template';
import { RENDER_LIMITS, RenderBudget } from './render-budget';
import { renderDocument, type DocumentModel, type ModelBlock } from './render-document';

const NBSP = '\u00a0';

const options = (lang: Locale, change: Partial<ContextOptions> = {}): ContextOptions => ({
	lang,
	date: '2020-01-15',
	template: 'test-template',
	version: 1,
	expenseLimit: 100,
	csvLink: '/projects/SOLID/expenses.csv',
	...change
});

/** A template with the usual head; `content` is the YAML under `content:`, already indented. */
function template(content: string[], head: string[] = []): string {
	return [
		'template: test-template',
		'name: "Test {{ project.code }}"',
		'languages: [lv, en]',
		'data: [plan, expenses, trips]',
		...head,
		'content:',
		...content
	].join('\n');
}

function render(
	source: string,
	data: DocumentData = { plan: solidDefinition(), expenses: [], trips: [] },
	lang: Locale = 'lv',
	change: Partial<ContextOptions> = {}
): DocumentModel {
	const compiled = compileTemplate(parseTemplate('test.yaml', source), lang);
	return renderDocument(compiled, buildContext(data, options(lang, change)));
}

function renderError(source: string, data?: DocumentData): TemplateError {
	try {
		render(source, data);
	} catch (error) {
		if (error instanceof TemplateError) return error;
		throw error;
	}
	throw new Error('the template rendered without an error');
}

const lineOf = (source: string, needle: string) =>
	source.split('\n').findIndex((line) => line.includes(needle)) + 1;

type Kind = ModelBlock['kind'];
const only = <K extends Kind>(model: DocumentModel, kind: K) =>
	model.blocks.filter((b): b is Extract<ModelBlock, { kind: K }> => b.kind === kind);

function expense(line: number, date: string, cents: number): ExpenseRecord {
	return {
		key: `row-${line}`,
		date,
		cents,
		currency: 'EUR',
		category: '2122',
		event: 1,
		funding: 'eu',
		document: `DOC-${line}`,
		payee: 'airBaltic Corporation AS',
		description: 'Flights',
		file: 'ledger.csv',
		line
	};
}

function trip(line: number, person: string, event: number, status: TripRecord['status']) {
	return {
		key: `trip-${line}`,
		person,
		position: 'Specialist',
		event,
		city: 'Jette',
		country: 'BE',
		departure: '2018-03-13',
		return: '2018-03-15',
		order: `R-${line}`,
		status,
		file: 'travel.csv',
		line
	} satisfies TripRecord;
}

describe('text and conditions', () => {
	it('fills the title and the text in the document language', () => {
		const source = template(['  - text: { lv: "Projekts {{ project.code }}", en: "Project" }']);
		const model = render(source);
		expect(model.title).toBe('Test SOLID');
		expect(model.blocks).toEqual([{ kind: 'text', lines: ['Projekts SOLID'], style: 'body' }]);
		expect(render(source, undefined, 'en').blocks[0]).toMatchObject({ lines: ['Project'] });
	});

	it('splits a multi-line text into trimmed lines and drops the empty ones', () => {
		const source = template([
			'  - text: |',
			'      {% for y in funding.years %}',
			'        {{ y.year }}:   {{ y.prefinancing | money }}   ',
			'      {% endfor %}',
			'',
			'      end'
		]);
		expect(only(render(source), 'text')[0]!.lines).toEqual([
			'2018: 1100\u00a0EUR',
			'2019: 400\u00a0EUR',
			'end'
		]);
	});

	it('leaves out a block whose if: is false, and keeps one whose if: is true', () => {
		const source = template([
			'  - text: shown',
			'    if: partners.size > 10',
			'  - text: hidden',
			'    if: partners.size > 100',
			'  - text: always'
		]);
		expect(only(render(source), 'text').map((b) => b.lines)).toEqual([['shown'], ['always']]);
	});

	it('carries the text options into the model', () => {
		const source = template([
			'  - text: x',
			'    style: note',
			'    align: right',
			'    bold: true',
			'    size: 9',
			'    space_before: 3',
			'    space_after: 7'
		]);
		expect(render(source).blocks[0]).toEqual({
			kind: 'text',
			lines: ['x'],
			style: 'note',
			align: 'right',
			bold: true,
			size: 9,
			spaceBefore: 3,
			spaceAfter: 7
		});
	});

	it('joins a heading into one line and keeps its page settings', () => {
		const source = template([
			'  - heading: |',
			'      Pielikums',
			'      {{ project.code }}',
			'    level: 2',
			'    page_break_before: true',
			'    page_orientation: landscape',
			'  - page_break: true'
		]);
		expect(render(source).blocks).toEqual([
			{
				kind: 'heading',
				text: 'Pielikums SOLID',
				level: 2,
				pageBreakBefore: true,
				orientation: 'landscape'
			},
			{ kind: 'page_break' }
		]);
	});

	it('leaves out rows whose if: is false', () => {
		const source = template([
			'  - rows:',
			'      - label: Kods',
			'        text: "{{ project.code }}"',
			'      - label: Nekad',
			'        text: x',
			'        if: events.size == 0',
			'      - label: Periods',
			'        text: "{{ project.start | period: project.end }}"',
			'        if: events.size > 0',
			'    label_width: 120'
		]);
		expect(render(source).blocks).toEqual([
			{
				kind: 'rows',
				rows: [
					{ label: ['Kods'], text: ['SOLID'] },
					{ label: ['Periods'], text: ['01.01.2018. – 15.11.2019.'] }
				],
				labelWidth: 120,
				spaceBefore: undefined
			}
		]);
	});

	it('gives charts and signatures their titles, names and default sizes', () => {
		const source = template([
			'  - chart: year_plan',
			'    title: { lv: "Plāns {{ project.code }}", en: Plan }',
			'  - chart: timeline',
			'    height: 100',
			'  - signatures:',
			'      - role: Koordinators',
			'        name: "{{ lead_partner.name }}"',
			'      - role: Vadītājs'
		]);
		expect(render(source).blocks).toEqual([
			{ kind: 'chart', chart: 'year_plan', title: 'Plāns SOLID', width: 480, height: 220 },
			{ kind: 'chart', chart: 'timeline', title: null, width: 480, height: 100 },
			{
				kind: 'signatures',
				signatures: [
					{ role: 'Koordinators', name: 'Jette kultūras centrs' },
					{ role: 'Vadītājs', name: '' }
				],
				spaceBefore: 30
			}
		]);
	});
});

describe('tables', () => {
	const eventsTable = [
		'  - table:',
		'      rows: events',
		'      columns:',
		'        - title: { lv: Pasākums, en: Event }',
		'          value: "{{ row.number }}. {{ row.place }}"',
		'          width: 120',
		'        - title: Plānots',
		"          value: '{{ row.representatives }}'",
		'          align: right',
		'      footer:',
		'        - Kopā',
		"        - '{{ project.planned_mobilities }}'"
	];

	it('renders one body row per item with its row fields, and the footer', () => {
		const [table] = only(render(template(eventsTable)), 'table');
		expect(table).toEqual({
			kind: 'table',
			columns: [
				{ title: 'Pasākums', width: 120, align: 'left' },
				{ title: 'Plānots', width: 'auto', align: 'right' }
			],
			body: [
				['1. Jette, Beļģija', '3'],
				['2. Bulgārija', '6'],
				['3. Itālija', '2'],
				['4. Grieķija', '2'],
				['5. Jette, Beļģija', '2']
			],
			footer: ['Kopā', '15'],
			fontSize: undefined,
			empty: null
		});
	});

	it('reads nested lists and loops inside a cell', () => {
		const source = template([
			'  - table:',
			'      rows: events',
			'      columns:',
			'        - title: Dalībnieki',
			'          value: "{% for p in row.participants %}{{ p.name }}{% unless forloop.last %}; {% endunless %}{% else %}–{% endfor %}"'
		]);
		const trips = [
			trip(2, 'Inese Kalniņa', 1, 'done'),
			trip(3, 'Jānis Bērziņš', 1, 'done'),
			trip(4, 'Olga Ivanova', 2, 'cancelled')
		];
		const [table] = only(render(source, { plan: solidDefinition(), trips }), 'table');
		expect(table!.body).toEqual([
			['Inese Kalniņa; Jānis Bērziņš'],
			['Olga Ivanova'],
			['–'],
			['–'],
			['–']
		]);
	});

	it('gives an empty list no rows and its empty text', () => {
		const source = template([
			'  - table:',
			'      rows: expenses.rows',
			'      font_size: 8',
			'      columns:',
			'        - title: Summa',
			"          value: '{{ row.amount | money: 2 }}'",
			'      empty: { lv: Izdevumu nav., en: No expenses. }'
		]);
		const [table] = only(render(source), 'table');
		expect(table).toMatchObject({ body: [], empty: 'Izdevumu nav.', footer: null, fontSize: 8 });
	});

	it('lists expense rows with the money filter', () => {
		const source = template([
			'  - table:',
			'      rows: expenses.rows',
			'      columns:',
			"        - { title: Datums, value: '{{ row.date | date }}' }",
			"        - { title: Summa, value: '{{ row.amount | money: 2 }}' }",
			"        - { title: Avots, value: '{{ row.source }}' }",
			'      footer:',
			'        - Kopā',
			"        - '{{ expenses.total | money: 2 }}'",
			"        - ''"
		]);
		const expenses = [expense(2, '2018-03-01', 4101250), expense(3, '2019-05-02', 1550)];
		const [table] = only(render(source, { plan: solidDefinition(), expenses }), 'table');
		expect(table!.body).toEqual([
			['01.03.2018.', `41${NBSP}012,50\u00a0EUR`, 'ledger.csv:2'],
			['02.05.2019.', '15,50\u00a0EUR', 'ledger.csv:3']
		]);
		expect(table!.footer).toEqual(['Kopā', `41${NBSP}028,00\u00a0EUR`, '']);
	});
});

describe('the page footer', () => {
	it('is a function of the page number and the page count', () => {
		const source = template(
			['  - text: x'],
			['page:', "  footer: '{{ project.code }} · {{ page }}. lpp. no {{ pages }}'"]
		);
		const { footer } = render(source);
		expect(footer!(1, 3)).toBe('SOLID · 1. lpp. no 3');
		expect(footer!(3, 3)).toBe('SOLID · 3. lpp. no 3');
	});

	it('does not leave the page numbers behind for the rest of the document', () => {
		const source = template(['  - text: x'], ['page:', "  footer: '{{ page }}'"]);
		const { footer } = render(source);
		expect([footer!(1, 2), footer!(2, 2)]).toEqual(['1', '2']);
	});

	it('is null when the template has none', () => {
		expect(render(template(['  - text: x'])).footer).toBeNull();
	});

	it('carries the page settings', () => {
		const source = template(['  - text: x'], ['page:', '  orientation: landscape']);
		expect(render(source).page).toEqual({
			size: 'A4',
			orientation: 'landscape',
			margins: [60, 50, 50, 50],
			font_size: 11
		});
	});
});

describe('errors while rendering', () => {
	it('gives the line of money applied to a text field, as a TemplateError', () => {
		const source = template(['  - text: a', '  - text: "{{ project.code | money }}"']);
		const error = renderError(source);
		expect(error).toBeInstanceOf(TemplateError);
		expect(error.problem).toBe('money needs a number, got "SOLID"');
		expect(error.line).toBe(lineOf(source, 'project.code | money'));
	});

	it('gives the exact line inside a | block', () => {
		const source = template(['  - text: |', '      first', '      {{ project.code | money }}']);
		expect(renderError(source).line).toBe(lineOf(source, 'project.code | money'));
	});

	it('gives the line of a table cell that fails', () => {
		const source = template([
			'  - table:',
			'      rows: events',
			'      columns:',
			'        - title: A',
			"          value: '{{ row.month | money }}'"
		]);
		const error = renderError(source);
		expect(error.problem).toBe('money needs a number, got "2018-03"');
		expect(error.line).toBe(lineOf(source, 'row.month | money'));
	});

	it('gives the line of a localized text in the document language', () => {
		const source = template([
			'  - text:',
			'      lv: "{{ project.start | decision_date }} {{ project.title | date }}"',
			'      en: x'
		]);
		const error = renderError(source);
		expect(error.problem).toMatch(/^date needs text/);
		expect(error.line).toBe(lineOf(source, 'lv: "'));
	});
});

describe('the council annex for SOLID', () => {
	const annex = parseTemplate(
		'council-annex.yaml',
		readFileSync(fromPackageRoot('templates/council-annex.yaml'), 'utf8')
	);
	const renderAnnex = (lang: Locale) =>
		renderDocument(
			compileTemplate(annex, lang),
			buildContext({ plan: solidDefinition() }, options(lang, { template: 'council-annex' }))
		);
	const textOf = (model: DocumentModel, label: string) =>
		only(model, 'rows')[0]!.rows.find((row) => row.label.join(' ') === label)?.text;

	describe('in Latvian', () => {
		const model = renderAnnex('lv');

		it('is titled as the template names itself', () => {
			expect(model.title).toBe('Domes lēmuma pielikums');
			// Page numbers only once the annex runs past one page.
			expect(model.footer!(1, 1)).toBe('');
			expect(model.footer!(2, 3)).toBe('2. lpp. no 3');
		});

		it('opens with the decision header, right-aligned', () => {
			expect(model.blocks[0]).toEqual({
				kind: 'text',
				lines: [
					'1.pielikums',
					'Daugavpils pilsētas domes',
					'2018.gada 22.februāra',
					'lēmumam Nr.57'
				],
				style: 'body',
				align: 'right'
			});
		});

		it('gives the title with curly quotes in both languages', () => {
			expect(model.blocks[1]).toMatchObject({
				kind: 'text',
				style: 'title',
				lines: [
					'Projekta “Vietējās solidaritātes – globālās solidaritātes tīkls” SOLID',
					'(“Local solidarity- global solidarity Network”) apraksts'
				]
			});
		});

		it('names the applicant and the 12 partners', () => {
			expect(textOf(model, 'Projekta iesniedzējs (vadošais partneris):')).toEqual([
				'Jette kultūras centrs /Le Centre Culturel de Jette/, Jette, Beļģija'
			]);
			const partners = textOf(model, 'Projekta partneri:')!;
			expect(partners).toHaveLength(12);
			expect(partners[0]).toBe('1. Daugavpils pilsētas dome, Latvija');
			expect(partners[7]).toBe('8. Mogila Municipality, Maķedonija');
			expect(partners[11]).toBe('12. Asociatia European Academy, Rumānija');
		});

		it('gives the period', () => {
			expect(textOf(model, 'Projekta īstenošanas termiņš:')).toEqual(['01.01.2018. – 15.11.2019.']);
		});

		it('gives the costs as the annex writes them', () => {
			expect(textOf(model, 'Projekta kopējās izmaksas:')).toEqual([
				'Daugavpils pilsētas domes projekta budžets sastāda 4160\u00a0EUR, t.sk.',
				'ES līdzfinansējums 1500\u00a0EUR',
				'Domes līdzfinansējums 2660\u00a0EUR'
			]);
			expect(textOf(model, 'Pašvaldības līdzfinansējums un priekšfinansējums:')).toEqual([
				'Priekšfinansējums – 2018.gadā 1100\u00a0EUR; 2019.gadā 400\u00a0EUR',
				'Līdzfinansējums – 2018.gadā 1990\u00a0EUR; 2019.gadā 670\u00a0EUR'
			]);
		});

		it('lists the 5 events with their representatives', () => {
			expect(textOf(model, 'Projekta starptautiskās mobilitātes:')).toEqual([
				'1.pasākums – Jette, Beļģija – projekta atklāšanas tikšanās (kick-off) 03.2018. (3 pārstāvji)',
				'2.pasākums – Bulgārija, 06.2018. (6 pārstāvji)',
				'3.pasākums – Itālija, 10.2018. (2 pārstāvji)',
				'4.pasākums – Grieķija, 03.2019. (2 pārstāvji)',
				'5.pasākums – Jette, Beļģija – gala rezultātu izplatīšanas konference 09.2019. (2 pārstāvji)'
			]);
		});

		it('ends with the goal and the activities, one paragraph per line', () => {
			const text = textOf(model, 'Projekta mērķis un aktivitātes:')!;
			expect(text).toHaveLength(4);
			expect(text[0]).toMatch(/^Projekta mērķis ir sekmēt starptautisko sadarbību/);
		});
	});

	describe('in English', () => {
		const model = renderAnnex('en');

		it('renders an English version of the same annex', () => {
			expect(model.title).toBe('Council decision annex');
			expect(model.blocks[0]).toMatchObject({
				lines: [
					'Annex 1',
					'to decision No. 57',
					'of Daugavpils City Council',
					'of 22 February 2018'
				]
			});
			expect(model.blocks[1]).toMatchObject({
				lines: [
					'Description of the project “Local solidarity- global solidarity Network” SOLID',
					'(“Vietējās solidaritātes – globālās solidaritātes tīkls”)'
				]
			});
			expect(textOf(model, 'Implementation period:')).toEqual([
				'1 January 2018 – 15 November 2019'
			]);
			expect(textOf(model, 'Total cost of the project:')).toEqual([
				'The budget of Daugavpils City Council in the project is 4,160\u00a0EUR, including',
				'EU co-financing 1,500\u00a0EUR',
				'Council co-financing 2,660\u00a0EUR'
			]);
			expect(textOf(model, 'Municipal co-financing and pre-financing:')).toEqual([
				'Pre-financing – 1,100\u00a0EUR in 2018; 400\u00a0EUR in 2019',
				'Co-financing – 1,990\u00a0EUR in 2018; 670\u00a0EUR in 2019'
			]);
			expect(textOf(model, 'Project partners:')![0]).toBe('1. Daugavpils City Council, Latvia');
			expect(textOf(model, 'International mobilities of the project:')).toEqual([
				'Event 1 – Jette, Belgium – project kick-off meeting, March 2018 (3 representatives)',
				'Event 2 – Bulgaria, June 2018 (6 representatives)',
				'Event 3 – Italy, October 2018 (2 representatives)',
				'Event 4 – Greece, March 2019 (2 representatives)',
				'Event 5 – Jette, Belgium – final results dissemination conference, September 2019 (2 representatives)'
			]);
		});
	});
});

describe('the council annex of a plan that states only its goal', () => {
	const annex = parseTemplate(
		'council-annex.yaml',
		readFileSync(fromPackageRoot('templates/council-annex.yaml'), 'utf8')
	);
	const bare = solidDefinition((d) => {
		delete d.activities;
		d.partners = [];
		d.events = [];
		d.funding.years = [];
	});
	const labels = (lang: Locale) =>
		only(
			renderDocument(
				compileTemplate(annex, lang),
				buildContext({ plan: bare }, options(lang, { template: 'council-annex' }))
			),
			'rows'
		)[0]!.rows;

	it('heads the goal as the goal, and prints no heading for what the plan does not state', () => {
		const rows = labels('lv');
		expect(rows.map((r) => r.label.join(' '))).toEqual([
			'Projekta iesniedzējs (vadošais partneris):',
			'Finansēšanas avots:',
			'Projekta īstenošanas termiņš:',
			'Projekta kopējās izmaksas:',
			'Projekta mērķis:'
		]);
		expect(rows.at(-1)!.text).toHaveLength(1);
		expect(rows.at(-1)!.text[0]).toMatch(/^Projekta mērķis ir sekmēt/);
		expect(rows.every((r) => r.text.length > 0)).toBe(true);
	});

	it('leaves out the English title in brackets when the plan has none', () => {
		const untitled = solidDefinition((d) => void (d.title.en = ''));
		const model = renderDocument(
			compileTemplate(annex, 'lv'),
			buildContext({ plan: untitled }, options('lv', { template: 'council-annex' }))
		);
		expect(model.blocks[1]).toMatchObject({
			lines: ['Projekta “Vietējās solidaritātes – globālās solidaritātes tīkls” SOLID', 'apraksts']
		});
	});

	it('does the same in English', () => {
		expect(
			labels('en')
				.map((r) => r.label.join(' '))
				.at(-1)
		).toBe('Goal of the project:');
		expect(labels('en').some((r) => r.label.join(' ').includes('activities'))).toBe(false);
	});
});

describe('the final report for SOLID', () => {
	const report = parseTemplate(
		'final-report.yaml',
		readFileSync(fromPackageRoot('templates/final-report.yaml'), 'utf8')
	);
	const expenses = [
		expense(2, '2018-03-01', 307450),
		expense(3, '2019-04-02', 100000),
		expense(4, '2019-06-01', 11020)
	];
	const trips = [trip(2, 'Inese Kalniņa', 1, 'done'), trip(3, 'Olga Ivanova', 2, 'cancelled')];
	const renderReport = (expenseLimit: number) =>
		renderDocument(
			compileTemplate(report, 'lv'),
			buildContext(
				{ plan: solidDefinition(), expenses, trips, narratives: reportNarratives([]) },
				options('lv', { template: 'final-report', expenseLimit })
			)
		);

	it('lists every expense in the appendix while within the limit', () => {
		const model = renderReport(20_000);
		const appendix = only(model, 'table').at(-1)!;
		expect(appendix.body.map((row) => row.at(-1))).toEqual([
			'ledger.csv:2',
			'ledger.csv:3',
			'ledger.csv:4'
		]);
		expect(appendix.footer![6]).toBe('4184,70\u00a0EUR');
		expect(model.footer!(2, 9)).toBe('SOLID noslēguma ziņojums, 15.01.2020. · 2. lpp. no 9');
	});

	it('points to the CSV with sums per year above the limit', () => {
		const model = renderReport(2);
		const tables = only(model, 'table');
		expect(tables.some((t) => t.columns[0]!.title === 'Datums')).toBe(false);
		const note = only(model, 'text').find((b) => b.style === 'note')!;
		expect(note.lines).toEqual([
			'Saraksts ir pārāk garš drukāšanai (3 rindas, vairāk nekā 2). Pilnu sarakstu lejupielādējiet CSV formātā: /projects/SOLID/expenses.csv',
			'2018: 1 rinda, 3074,50\u00a0EUR',
			'2019: 2 rindas, 1110,20\u00a0EUR'
		]);
	});

	it('sums the spending by classification code, each code with its name', () => {
		const named = solidDefinition((d) => {
			d.classification = [
				{ code: '2122', name: { lv: 'Pārējie komandējumu izdevumi', en: undefined } }
			];
		});
		const rows = [...expenses, { ...expense(5, '2019-07-01', 1000), category: '' }];
		const model = (lang: Locale) =>
			renderDocument(
				compileTemplate(report, lang),
				buildContext(
					{ plan: named, expenses: rows, trips, narratives: reportNarratives([]) },
					options(lang, { template: 'final-report', expenseLimit: 20_000 })
				)
			);
		const table = only(model('lv'), 'table').find((t) => t.columns[0]!.title === 'EKK')!;
		expect(table.columns.map((c) => c.title)).toEqual(['EKK', 'Nosaukums', 'Rindas', 'Izpilde']);
		expect(table.body).toEqual([
			['2122', 'Pārējie komandējumu izdevumi', '3', '4184,70\u00a0EUR'],
			['–', 'Bez klasifikācijas koda', '1', '10,00\u00a0EUR']
		]);
		expect(table.footer).toEqual(['Kopā', '', '4', '4194,70\u00a0EUR']);
		const english = only(model('en'), 'table').find((t) => t.columns[0]!.title === 'Code')!;
		// No official English name exists: the English reader sees the Latvian one.
		expect(english.body[0]).toEqual([
			'2122',
			'Pārējie komandējumu izdevumi',
			'3',
			'4,184.70\u00a0EUR'
		]);
	});

	it('sums the plan against the actual and the mobilities in the summary', () => {
		const rows = only(renderReport(20_000), 'rows')[0]!.rows;
		const text = (label: string) => rows.find((r) => r.label[0] === label)!.text;
		expect(text('Budžets un izpilde:')).toEqual([
			'Plānots 4160,00\u00a0EUR, izlietots 4184,70\u00a0EUR (3 izdevumi)',
			'Novirze +24,70\u00a0EUR'
		]);
		// Latvian plural forms: one mobility done and one cancelled take the singular.
		expect(text('Mobilitātes:')).toEqual(['Notikusi 1 no 15 plānotajām (6,7%), atcelta 1']);
	});
});

describe('one render budget for the whole document', () => {
	const data: DocumentData = { plan: solidDefinition(), expenses: [], trips: [] };
	const renderWith = (source: string, budget = new RenderBudget()) => ({
		model: renderDocument(
			compileTemplate(parseTemplate('test.yaml', source), 'lv'),
			buildContext(data, options('lv')),
			budget
		),
		budget
	});
	const budgetError = (draw: () => unknown): TemplateError => {
		try {
			draw();
		} catch (error) {
			if (error instanceof TemplateError) return error;
			throw error;
		}
		throw new Error('the render stayed within its budget');
	};

	it('refuses a range of 150,000,000 before building it, at the loop’s line', () => {
		const source = template([
			'  - text: a',
			'  - text: "{% for i in (1..150000000) %}{% endfor %}"'
		]);
		const started = performance.now();
		const error = budgetError(() => renderWith(source));
		expect(error.budget).toEqual({ kind: 'iterations', limit: RENDER_LIMITS.iterations });
		expect(error.problem).toBe(`the document loops more than ${RENDER_LIMITS.iterations} times`);
		expect(error.line).toBe(lineOf(source, '150000000'));
		// Refused before a single pass: a loop of the budget's size alone takes far longer.
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	it('refuses a range whose end is computed, and one under a filter', () => {
		for (const loop of [
			'{% assign n = 150000 | times: 1000 %}{% for i in (1..n) %}{% endfor %}',
			'{% for i in (1..150000000) reversed %}{% endfor %}',
			'{% tablerow i in (1..150000000) %}{% endtablerow %}'
		])
			expect(budgetError(() => renderWith(template([`  - text: "${loop}"`]))).budget?.kind).toBe(
				'iterations'
			);
	});

	it('counts the passes of nested loops across all texts of the document', () => {
		const loop = '{% for i in (1..1000) %}{% for j in (1..600) %}{% endfor %}{% endfor %}';
		const source = template([`  - text: "${loop}"`, `  - text: "${loop}"`]);
		const error = budgetError(() => renderWith(source));
		expect(error.budget?.kind).toBe('iterations');
		expect(error.line).toBe(source.split('\n').lastIndexOf(`  - text: "${loop}"`) + 1);
	});

	it('refuses an output bomb of nested loops once the text passes the budget', () => {
		const text = 'x'.repeat(200);
		const loop = `{% for i in (1..1000) %}{% for j in (1..100) %}${text}{% endfor %}{% endfor %}`;
		const error = budgetError(() => renderWith(template([`  - text: "${loop}"`])));
		expect(error.budget).toEqual({ kind: 'characters', limit: RENDER_LIMITS.characters });
		expect(error.problem).toMatch(/builds more than 16000000 characters/);
	});

	it('counts text built inside a capture, and text doubled by filters', () => {
		const capture = `{% capture s %}{% for i in (1..100000) %}${'x'.repeat(200)}{% endfor %}{% endcapture %}`;
		expect(budgetError(() => renderWith(template([`  - text: "${capture}"`]))).budget?.kind).toBe(
			'characters'
		);
		const doubling =
			"{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}";
		expect(budgetError(() => renderWith(template([`  - text: "${doubling}"`]))).budget?.kind).toBe(
			'characters'
		);
	});

	it('gives the footers of all pages one budget with the rest, not one each', () => {
		const source = template(
			['  - text: "{% for i in (1..1000) %}{{ i }} {% endfor %}"'],
			['page:', '  footer: "{% for i in (1..20000) %}{% endfor %}{{ page }}"']
		);
		const { model, budget } = renderWith(source);
		expect(model.footer!(1, 100)).toBe('1');
		// Each footer alone is well within the budget; 100 of them are not.
		const error = budgetError(() => {
			for (let page = 2; page <= 100; page++) model.footer!(page, 100);
		});
		expect(error.budget?.kind).toBe('iterations');
		expect(budget.spent().iterations).toBeLessThanOrEqual(RENDER_LIMITS.iterations);
		expect(budget.spent().iterations).toBeGreaterThan(RENDER_LIMITS.iterations - 20_000);
	});

	it('stops a render that runs out of time, on the shared clock', () => {
		let now = 0;
		const budget = new RenderBudget({ ...RENDER_LIMITS, timeMs: 1_000 }, () => (now += 1));
		const source = template(['  - text: "{% for i in (1..5000) %}{{ i }}{% endfor %}"']);
		expect(budgetError(() => renderWith(source, budget)).budget).toEqual({
			kind: 'timeMs',
			limit: 1_000
		});
	});

	it('leaves the final report with its largest appendix, 20,000 rows, far inside the budget', () => {
		const source = readFileSync(fromPackageRoot('templates/final-report.yaml'), 'utf8');
		const rows = Array.from({ length: 20_000 }, (_, i) =>
			expense(i + 2, i % 2 ? '2018-05-02' : '2019-03-04', 1000 + i)
		);
		const budget = new RenderBudget();
		const model = renderDocument(
			compileTemplate(parseTemplate('final-report.yaml', source), 'lv'),
			buildContext(
				{ plan: solidDefinition(), expenses: rows, trips: [], narratives: reportNarratives([]) },
				options('lv', { template: 'final-report', expenseLimit: 20_000 })
			),
			budget
		);
		for (let page = 1; page <= 600; page++) model.footer!(page, 600);
		expect(only(model, 'table').at(-1)!.body).toHaveLength(20_000);
		const spent = budget.spent();
		expect(spent.iterations).toBeLessThan(RENDER_LIMITS.iterations / 4);
		expect(spent.characters).toBeLessThan(RENDER_LIMITS.characters / 4);
	});
});
