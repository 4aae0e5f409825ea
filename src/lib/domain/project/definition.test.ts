import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProjectDefinition, pathToString } from './definition';
import { toDefinitionInput } from './definition-input';

const solidFile = () => JSON.parse(readFileSync('static/samples/solid/project.json', 'utf8'));

describe('parseProjectDefinition', () => {
	it('reads the SOLID file with money in cents', () => {
		const result = parseProjectDefinition(solidFile());
		expect(result.ok && result.definition.funding.years[0]).toEqual({
			year: 2018,
			prefinancing: 110000,
			cofinancing: 199000
		});
	});

	it('round-trips through its written form', () => {
		const first = parseProjectDefinition(solidFile());
		if (!first.ok) throw new Error('SOLID must parse');
		const again = parseProjectDefinition(toDefinitionInput(first.definition));
		expect(again).toEqual(first);
	});

	it('names each problem with its JSON path and a message key', () => {
		const file = solidFile();
		file.funding.years[1].prefinancing = '400,555';
		file.events[2].month = '2018-13';
		file.partners[0].country = 'XX';
		file.decision.date = '22.02.2018';
		delete file.title.lv;
		file.partnrs = [];
		const result = parseProjectDefinition(file);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues.map((i) => [i.path, i.key])).toEqual(
			expect.arrayContaining([
				['funding.years[1].prefinancing', 'money'],
				['events[2].month', 'month'],
				['partners[0].country', 'country'],
				['decision.date', 'date'],
				['title.lv', 'required'],
				['', 'unrecognized_keys']
			])
		);
	});

	it('refuses a float that is not a whole number of cents', () => {
		const file = solidFile();
		file.funding.total = 0.1 + 0.2;
		const result = parseProjectDefinition(file);
		expect(!result.ok && result.issues[0]).toMatchObject({ path: 'funding.total', key: 'money' });
	});

	it('refuses duplicate years and event numbers', () => {
		const file = solidFile();
		file.funding.years[1].year = 2018;
		file.events[1].number = 1;
		const result = parseProjectDefinition(file);
		expect(!result.ok && result.issues.map((i) => i.key)).toEqual([
			'duplicateYear',
			'duplicateEvent'
		]);
	});
});

describe('what a real annex holds', () => {
	it('accepts a definition that states only the goal', () => {
		const file = solidFile();
		delete file.activities;
		const result = parseProjectDefinition(file);
		expect(result.ok && result.definition.activities).toBeUndefined();
		expect(result.ok && result.definition.goal.lv).toMatch(/^Projekta mērķis ir/);
	});

	it('reads activities left blank in both languages as none, and keeps one language alone', () => {
		const blank = { ...solidFile(), activities: { lv: '  ', en: '' } };
		const blankResult = parseProjectDefinition(blank);
		expect(blankResult.ok && blankResult.definition.activities).toBeUndefined();
		const englishOnly = { ...solidFile(), activities: { en: 'Workshops.' } };
		const englishResult = parseProjectDefinition(englishOnly);
		expect(englishResult.ok && englishResult.definition.activities).toEqual({
			lv: '',
			en: 'Workshops.'
		});
	});

	it('accepts a plan with no partners, no events and no years planned yet', () => {
		const result = parseProjectDefinition({
			...solidFile(),
			partners: [],
			events: [],
			funding: { ...solidFile().funding, years: [] }
		});
		expect(result.ok).toBe(true);
	});

	it('still requires what the annex head and its budget print', () => {
		const file = solidFile();
		delete file.goal;
		delete file.decision.number;
		file.funding.total = undefined;
		const result = parseProjectDefinition(file);
		expect(!result.ok && result.issues.map((i) => [i.path, i.key])).toEqual(
			expect.arrayContaining([
				['goal', 'required'],
				['decision.number', 'required'],
				['funding.total', 'required']
			])
		);
	});
});

describe("a project's own classification list", () => {
	it('is read with a name in Latvian and, when given, in English', () => {
		const result = parseProjectDefinition({
			...solidFile(),
			classification: [
				{ code: '2122', name: { lv: 'Pārējie komandējumu izdevumi', en: 'Other travel costs' } },
				{ code: ' 2311 ', name: { lv: 'Biroja preces', en: '' } }
			]
		});
		expect(result.ok && result.definition.classification).toEqual([
			{ code: '2122', name: { lv: 'Pārējie komandējumu izdevumi', en: 'Other travel costs' } },
			{ code: '2311', name: { lv: 'Biroja preces' } }
		]);
	});

	it('refuses a code that is not four digits, a code listed twice and a nameless code', () => {
		const result = parseProjectDefinition({
			...solidFile(),
			classification: [
				{ code: '21', name: { lv: 'Komandējumi' } },
				{ code: '2122', name: { lv: 'A' } },
				{ code: '2122', name: { lv: 'B' } },
				{ code: '2311', name: { lv: '' } }
			]
		});
		expect(!result.ok && result.issues.map((i) => [i.path, i.key])).toEqual([
			['classification[0].code', 'classificationCode'],
			['classification[3].name.lv', 'required'],
			['classification[2].code', 'duplicateClassification']
		]);
	});
});

describe('pathToString', () => {
	it('writes paths as in JavaScript', () => {
		expect(pathToString(['funding', 'years', 0, 'year'])).toBe('funding.years[0].year');
		expect(pathToString([])).toBe('');
	});
});
