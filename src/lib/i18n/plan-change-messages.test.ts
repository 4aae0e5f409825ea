import { describe, expect, it } from 'vitest';
import { solidDefinition } from '$tests/factories/projects';
import { dataChanges } from '$lib/domain/documents/data-changes';
import { planField } from '$lib/domain/documents/plan-fields';
import type { ProjectDefinition } from '$lib/domain/project/definition';
import { describePlanChange } from './plan-change-messages';
import { describeChange } from './document-messages';

const NBSP = '\u00a0';
const both = (field: string, before: unknown, after: unknown) => ({
	lv: describePlanChange({ field, before, after }, 'lv'),
	en: describePlanChange({ field, before, after }, 'en')
});

/** SOLID with every optional field of the schema filled in, so that every path exists. */
function fullPlan(): ProjectDefinition {
	return solidDefinition((d) => {
		d.$schema = 'https://example.lv/project.schema.json';
		d.leadPartner.countryName = { lv: 'Beļģijas Karaliste', en: 'Kingdom of Belgium' };
		d.partners[2] = {
			name: 'Sződliget',
			nameEn: 'Szodliget',
			city: 'Sződliget',
			country: 'HU',
			countryName: { lv: 'Ungārija', en: 'Hungary' }
		};
		d.events[2] = {
			...d.events[2]!,
			title: { lv: 'seminārs', en: 'workshop' },
			city: 'Bari',
			countryName: { lv: 'Itālija', en: 'Italy' }
		};
		d.plannedMobilities = 15;
	});
}

/** Every leaf changed (a year and an event keep their identity): strings grow, numbers move. */
function everyLeafChanged(value: unknown, key = ''): unknown {
	if (Array.isArray(value)) return value.map((item) => everyLeafChanged(item));
	if (typeof value === 'object' && value !== null)
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [
				k,
				k === 'year' || k === 'number' ? v : everyLeafChanged(v, k)
			])
		);
	if (typeof value === 'number') return value + 1;
	if (typeof value === 'string') return key === 'month' ? '2020-01' : `${value}x`;
	return value;
}

describe('labels for every path a plan change can name', () => {
	it('knows every field of the definition schema, with its year, event or partner', () => {
		const before = fullPlan();
		const after = everyLeafChanged(before) as ProjectDefinition;
		const changes = dataChanges({ plan: before }, { plan: after });
		const paths = changes.map((c) => (c.part === 'plan' ? c.field : ''));
		expect(paths.length).toBeGreaterThan(80);
		expect(paths.filter((path) => !planField(path).known)).toEqual([]);
		expect(paths).toContain('funding.years[year=2019].prefinancing');
		expect(paths).toContain('events[number=3].countryName.en');
		expect(paths).toContain('partners[2].countryName.lv');
		expect(paths).toContain('leadPartner.localName');
	});

	it('knows a year, an event and a partner added or removed as a whole', () => {
		expect(planField('funding.years[year=2020]')).toEqual({
			known: true,
			item: 'yearPlan',
			subject: { of: 'year', year: 2020 }
		});
		expect(planField('events[number=6]')).toMatchObject({ item: 'event' });
		expect(planField('partners[12]')).toMatchObject({ item: 'partner', subject: { n: 13 } });
	});

	it('gives money fields the money kind, so no amount is ever shown in cents', () => {
		for (const path of [
			'funding.total',
			'funding.eu',
			'funding.council',
			'funding.years[year=2018].prefinancing',
			'funding.years[year=2018].cofinancing'
		])
			expect(planField(path)).toMatchObject({ kind: 'money' });
	});
});

describe('a plan change in the reader’s language', () => {
	it('says money as money with the field’s label', () => {
		expect(both('funding.eu', 150000, 160000)).toEqual({
			lv: 'ES līdzfinansējums: 1500\u00a0EUR → 1600\u00a0EUR',
			en: 'EU co-financing: 1,500\u00a0EUR → 1,600\u00a0EUR'
		});
		expect(both('funding.years[year=2019].prefinancing', 40000, 4505050)).toEqual({
			lv: `Priekšfinansējums (2019. gads): 400\u00a0EUR → 45${NBSP}050,50\u00a0EUR`,
			en: 'Pre-financing (2019): 400\u00a0EUR → 45,050.50\u00a0EUR'
		});
		expect(
			describePlanChange({ field: 'funding.total', before: 100, after: 200 }, 'en', 'USD')
		).toBe('Total budget: 1\u00a0USD → 2\u00a0USD');
	});

	it('says dates, months, counts, countries and texts by their kind', () => {
		expect(both('period.end', '2019-11-15', '2019-12-31')).toEqual({
			lv: 'Projekta beigas: 15.11.2019. → 31.12.2019.',
			en: 'Project end: 15 Nov 2019 → 31 Dec 2019'
		});
		expect(both('events[number=3].month', '2018-10', '2018-11')).toEqual({
			lv: 'Mēnesis (3. pasākums): 10.2018. → 11.2018.',
			en: 'Month (event 3): October 2018 → November 2018'
		});
		expect(both('events[number=1].representatives', 3, 4).en).toBe(
			'Representatives (event 1): 3 → 4'
		);
		expect(both('partners[2].country', 'HU', 'AT')).toEqual({
			lv: 'Valsts (3. partneris): Ungārija → Austrija',
			en: 'Country (partner 3): Hungary → Austria'
		});
		expect(both('decision.number', '57', '58').lv).toBe('Lēmuma Nr.: 57 → 58');
		expect(both('partners[1].city', null, 'Sofia').en).toBe('City (partner 2): — → Sofia');
		expect(both('leadPartner.name', 'A', 'B').lv).toBe('Nosaukums (vadošais partneris): A → B');
		const goal = both('goal.en', 'x'.repeat(200), 'y');
		expect(goal.en).toBe(`Goal in English: “${'x'.repeat(80)}…” → “y”`);
	});

	it('names a year, an event or a partner added or removed, with what it holds', () => {
		expect(
			both('funding.years[year=2020]', null, {
				year: 2020,
				prefinancing: 10000,
				cofinancing: 20050
			})
		).toEqual({
			lv: '2020. gads pievienots: priekšfinansējums 100\u00a0EUR, līdzfinansējums 200,50\u00a0EUR',
			en: 'Year 2020 added: pre-financing 100\u00a0EUR, co-financing 200.50\u00a0EUR'
		});
		const event = { number: 6, city: 'Rīga', country: 'LV', month: '2019-05', representatives: 1 };
		expect(both('events[number=6]', event, null)).toEqual({
			lv: '6. pasākums izņemts: Rīga, Latvija, 05.2019. (1 pārstāvis)',
			en: 'Event 6 removed: Rīga, Latvia, May 2019 (1 representative)'
		});
		expect(both('partners[12]', null, { name: 'Rīgas dome', country: 'LV' }).en).toBe(
			'Partner 13 added: Rīgas dome, Latvia'
		);
	});

	it('falls back to a readable path and plain values for a field it does not know', () => {
		expect(both('funding.reserveFund[0]', 5000, null).en).toBe(
			'funding › reserve fund › 1: 5,000 → —'
		);
		expect(both('events[number=9].venue', { a: 1 }, 'Hall').lv).toBe(
			'events › 9 › venue: “{"a":1}” → Hall'
		);
	});

	it('is what a verify check says for a plan change', () => {
		expect(
			describeChange({ part: 'plan', field: 'funding.eu', before: 150000, after: 160000 }, 'en')
		).toBe('EU co-financing: 1,500\u00a0EUR → 1,600\u00a0EUR');
	});
});
