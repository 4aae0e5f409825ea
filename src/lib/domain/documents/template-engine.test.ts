import { describe, expect, it } from 'vitest';
import type { Locale } from '../locale';
import { createTemplateEngine, FILTERS } from './template-engine';

const NBSP = '\u00a0';

const render = (lang: Locale, source: string, scope: object = {}, currency?: string) =>
	createTemplateEngine(lang, currency).parseAndRenderSync(source, scope) as string;

/** The message a render fails with, or a note that it did not fail. */
function failure(lang: Locale, source: string, scope: object = {}): string {
	try {
		render(lang, source, scope);
	} catch (error) {
		return (error as Error).message;
	}
	return 'rendered without an error';
}

describe('money', () => {
	it('writes whole amounts without cents, as the annex does', () => {
		expect(render('lv', '{{ 416000 | money }}')).toBe('4160\u00a0EUR');
		expect(render('en', '{{ 416000 | money }}')).toBe('4,160\u00a0EUR');
	});

	it('always shows the cents with money: 2', () => {
		expect(render('lv', '{{ 416000 | money: 2 }}')).toBe('4160,00\u00a0EUR');
		expect(render('en', '{{ 416000 | money: 2 }}')).toBe('4,160.00\u00a0EUR');
	});

	it('shows cents when there are some, and groups Latvian amounts from five digits up', () => {
		expect(render('lv', '{{ 418470 | money }}')).toBe('4184,70\u00a0EUR');
		expect(render('lv', '{{ 4101250 | money }}')).toBe(`41${NBSP}012,50\u00a0EUR`);
		expect(render('en', '{{ 4101250 | money }}')).toBe('41,012.50\u00a0EUR');
		expect(render('lv', '{{ -1550 | money }}')).toBe('−15,50\u00a0EUR');
	});

	it("writes the project's currency", () => {
		expect(render('lv', '{{ 416000 | money }}', {}, 'USD')).toBe('4160\u00a0USD');
	});

	it('reads a number written as text', () => {
		expect(render('lv', '{{ amount | money }}', { amount: '150000' })).toBe('1500\u00a0EUR');
	});
});

describe('signed', () => {
	it('puts a plus on an overspend and a minus sign on an underspend, always with cents', () => {
		expect(render('lv', '{{ 4020 | signed }}')).toBe('+40,20\u00a0EUR');
		expect(render('lv', '{{ -1550 | signed }}')).toBe('−15,50\u00a0EUR');
		expect(render('en', '{{ 4020 | signed }}')).toBe('+40.20\u00a0EUR');
		expect(render('en', '{{ -1550 | signed }}')).toBe('−15.50\u00a0EUR');
	});

	it('writes zero with no sign', () => {
		expect(render('lv', '{{ 0 | signed }}')).toBe('0,00\u00a0EUR');
		expect(render('en', '{{ 0 | signed }}')).toBe('0.00\u00a0EUR');
	});

	it('groups a large variance like money', () => {
		expect(render('lv', '{{ 2470000 | signed }}')).toBe(`+24${NBSP}700,00\u00a0EUR`);
		expect(render('en', '{{ -2470000 | signed }}')).toBe('−24,700.00\u00a0EUR');
	});
});

describe('dates, months and periods', () => {
	it('writes a plain date', () => {
		expect(render('lv', '{{ "2018-01-01" | date }}')).toBe('01.01.2018.');
		expect(render('en', '{{ "2018-01-01" | date }}')).toBe('1 Jan 2018');
	});

	it('writes a decision date in the Latvian genitive, and in full in English', () => {
		expect(render('lv', '{{ "2018-02-22" | decision_date }}')).toBe('2018.gada 22.februāra');
		expect(render('en', '{{ "2018-02-22" | decision_date }}')).toBe('22 February 2018');
	});

	it('writes a month', () => {
		expect(render('lv', '{{ "2018-03" | month }}')).toBe('03.2018.');
		expect(render('en', '{{ "2018-03" | month }}')).toBe('March 2018');
	});

	it('writes a period between two dates', () => {
		const source = '{{ start | period: end }}';
		const scope = { start: '2018-01-01', end: '2019-11-15' };
		expect(render('lv', source, scope)).toBe('01.01.2018. – 15.11.2019.');
		expect(render('en', source, scope)).toBe('1 January 2018 – 15 November 2019');
	});

	it('refuses a date that does not exist', () => {
		expect(failure('lv', '{{ "2018-13-01" | date }}')).toMatch(
			/^Not a date \(YYYY-MM-DD\): 2018-13-01/
		);
		expect(failure('lv', '{{ "2018-13" | month }}')).toMatch(/^Not a month \(YYYY-MM\): 2018-13/);
	});
});

describe('numbers', () => {
	it('writes a share as a percentage with at most one decimal', () => {
		expect(render('lv', '{{ 0.9333 | percent }}')).toBe('93,3%');
		expect(render('en', '{{ 0.9333 | percent }}')).toBe('93.3%');
		expect(render('lv', '{{ 0.05 | percent }}')).toBe('5%');
	});

	it('writes a count with the language grouping', () => {
		expect(render('lv', '{{ 1000 | integer }}')).toBe('1000');
		expect(render('lv', '{{ 10000 | integer }}')).toBe(`10${NBSP}000`);
		expect(render('en', '{{ 10000 | integer }}')).toBe('10,000');
		expect(render('en', '{{ 1234567 | integer }}')).toBe('1,234,567');
	});
});

describe('plural', () => {
	const words = '"pārstāvis", "pārstāvji", "pārstāvju"';
	const lv = (n: number) => render('lv', `{{ n }} {{ n | plural: ${words} }}`, { n });

	it.each([
		[1, '1 pārstāvis'],
		[21, '21 pārstāvis'],
		[101, '101 pārstāvis'],
		[2, '2 pārstāvji'],
		[3, '3 pārstāvji'],
		[6, '6 pārstāvji'],
		[0, '0 pārstāvju'],
		[10, '10 pārstāvju'],
		[11, '11 pārstāvju'],
		[19, '19 pārstāvju'],
		[20, '20 pārstāvju']
	])('writes %i in Latvian as "%s"', (n, text) => {
		expect(lv(n)).toBe(text);
	});

	it('uses the other form where a Latvian zero form is not given', () => {
		const source = '{{ n | plural: "pārstāvis", "pārstāvji" }}';
		expect(render('lv', source, { n: 0 })).toBe('pārstāvji');
		expect(render('lv', source, { n: 10 })).toBe('pārstāvji');
		expect(render('lv', source, { n: 21 })).toBe('pārstāvis');
	});

	it('uses English rules: one for 1 only, other for the rest', () => {
		const source = '{{ n | plural: "representative", "representatives", "none" }}';
		expect(render('en', source, { n: 1 })).toBe('representative');
		expect(render('en', source, { n: 0 })).toBe('representatives');
		expect(render('en', source, { n: 21 })).toBe('representatives');
	});

	it('needs its words as text', () => {
		expect(failure('lv', '{{ 1 | plural: 2, 3 }}')).toMatch(/^plural needs text, got 2/);
	});
});

describe('local', () => {
	const title = { lv: 'Vietējās solidaritātes tīkls', en: 'Local solidarity network' };

	it("picks the document's language from a two-language text", () => {
		expect(render('lv', '{{ t | local }}', { t: title })).toBe('Vietējās solidaritātes tīkls');
		expect(render('en', '{{ t | local }}', { t: title })).toBe('Local solidarity network');
	});

	it('falls back to the other language when the text is empty', () => {
		expect(render('en', '{{ t | local }}', { t: { lv: 'Tikai latviski', en: '' } })).toBe(
			'Tikai latviski'
		);
	});

	it('passes plain text through', () => {
		expect(render('en', '{{ t | local }}', { t: 'plain' })).toBe('plain');
	});

	it('refuses what is not a text', () => {
		expect(failure('lv', '{{ t | local }}', { t: 5 })).toMatch(
			/^local needs a two-language text such as project.title/
		);
	});
});

describe('country', () => {
	it('names a country from its code', () => {
		expect(render('lv', '{{ "BE" | country }}')).toBe('Beļģija');
		expect(render('en', '{{ "BE" | country }}')).toBe('Belgium');
	});

	it('needs the code as text', () => {
		expect(failure('en', '{{ 5 | country }}')).toMatch(/^country needs text, got 5/);
	});
});

describe('a filter given the wrong type', () => {
	it.each([
		['{{ x | money }}', { x: 'SOLID' }, 'money needs a number, got "SOLID"'],
		['{{ x | money }}', { x: null }, 'money needs a number, got null'],
		['{{ x | signed }}', { x: { lv: 'a' } }, 'signed needs a number, got {"lv":"a"}'],
		['{{ x | percent }}', { x: '' }, 'percent needs a number, got ""'],
		['{{ x | integer }}', { x: [1] }, 'integer needs a number, got [1]'],
		['{{ x | plural: "a", "b" }}', { x: 'many' }, 'plural needs a number, got "many"'],
		['{{ x | date }}', { x: 20180101 }, 'date needs text, got 20180101'],
		['{{ x | decision_date }}', { x: true }, 'decision_date needs text, got true'],
		['{{ x | month }}', { x: 3 }, 'month needs text, got 3'],
		['{{ x | period: "2019-11-15" }}', { x: 2018 }, 'period needs text, got 2018']
	])('%s with %j fails with a clear message', (source, scope, message) => {
		expect(failure('lv', source, scope).replace(/, line:\d+, col:\d+$/, '')).toBe(message);
	});
});

describe('the sandbox', () => {
	it('throws on an unknown variable rather than printing nothing', () => {
		expect(failure('lv', '{{ nope }}')).toMatch(/^undefined variable: nope/);
		expect(failure('lv', '{{ project.titel }}', { project: { title: 'x' } })).toMatch(
			/^undefined variable: project.titel/
		);
	});

	it('does not reach properties the data does not own', () => {
		expect(failure('lv', '{{ project.constructor }}', { project: {} })).toMatch(
			/^undefined variable: project.constructor/
		);
	});

	it('throws on an unknown filter', () => {
		expect(failure('lv', '{{ 1 | shout }}')).toMatch(/^undefined filter: shout/);
	});

	it.each(['include', 'render', 'layout'])('refuses {%% %s %%}', (tag) => {
		expect(failure('lv', `{% ${tag} 'x' %}`)).toMatch(
			new RegExp(`^\\{% ${tag} %\\} is not allowed: a template cannot read other files`)
		);
	});

	it('treats zero and empty text as true, as Liquid does', () => {
		expect(render('lv', '{% if n %}yes{% else %}no{% endif %}', { n: 0 })).toBe('yes');
		expect(render('lv', '{% if s %}yes{% else %}no{% endif %}', { s: '' })).toBe('yes');
	});
});

describe('the field reference', () => {
	const scope = {
		funding: { total: 416000 },
		project: {
			start: '2018-01-01',
			end: '2019-11-15',
			title: { lv: 'Vietējās solidaritātes – globālās solidaritātes tīkls', en: '' }
		},
		decision: { date: '2018-02-22' },
		event: { month: '2018-03', representatives: 3, country: 'BE' },
		mobility: { share: 14 / 15 },
		expenses: { count: 10_000 },
		year: { variance: -1550, variance_ratio: -0.005 }
	};

	it('lists every filter the engine has', () => {
		expect(Object.keys(FILTERS).sort()).toEqual(
			[
				'country',
				'date',
				'decision_date',
				'decision_day',
				'integer',
				'local',
				'money',
				'month',
				'percent',
				'period',
				'plural',
				'signed',
				'signed_percent'
			].sort()
		);
	});

	it.each(Object.entries(FILTERS))('prints the stated result of the %s example', (_, filter) => {
		const printed = render('lv', filter.example, scope).replaceAll(NBSP, ' ');
		expect(printed).toBe(filter.result);
	});
});
