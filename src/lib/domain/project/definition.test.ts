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

describe('pathToString', () => {
	it('writes paths as in JavaScript', () => {
		expect(pathToString(['funding', 'years', 0, 'year'])).toBe('funding.years[0].year');
		expect(pathToString([])).toBe('');
	});
});
