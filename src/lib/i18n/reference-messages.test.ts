import { describe, expect, it } from 'vitest';
import { fieldReference } from '$lib/domain/documents/field-reference';
import { FILTERS } from '$lib/domain/documents/template-engine';
import { m } from '$lib/paraglide/messages.js';
import {
	fieldMessageKey,
	filterMessageKey,
	localFieldReference,
	localFilters
} from './reference-messages';

const keys = new Set(Object.keys(m));

describe('the field reference in the reader language', () => {
	it('has words for every field and filter the generator lists', () => {
		const missing = [
			...fieldReference().map((f) => fieldMessageKey(f.path)),
			...Object.keys(FILTERS).map(filterMessageKey)
		].filter((key) => !keys.has(key));
		expect(missing).toEqual([]);
	});

	it('says the English of the schema in English, and Latvian in Latvian', () => {
		const en = localFieldReference('en');
		const lv = localFieldReference('lv');
		const plain = (text: string) => text.replace(/`/g, '');
		expect(en.map((f) => f.description)).toEqual(fieldReference().map((f) => plain(f.description)));
		expect(lv.find((f) => f.path === 'events[].place')).toEqual({
			path: 'events[].place',
			type: 'teksts',
			description: 'Pilsēta un valsts vai tikai valsts: "Jette, Beļģija"'
		});
		expect(lv.find((f) => f.path === 'budget.years[].variance_ratio')?.type).toBe(
			'skaitlis vai nil'
		);
		expect(localFilters('lv').find((f) => f.name === 'money')?.usage).toBe(
			'centi | money — summa ar valūtu; money: 2 vienmēr rāda centus'
		);
	});
});
