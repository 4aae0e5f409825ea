import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromPackageRoot } from '$lib/server/package-root';
import { fieldReference, referenceMarkdown } from './field-reference';

describe('the template field reference', () => {
	it('is published as templates/REFERENCE.md exactly as the data types generate it', () => {
		// After a change to the context, run `npm run templates:reference`.
		expect(readFileSync(fromPackageRoot('templates/REFERENCE.md'), 'utf8')).toBe(
			referenceMarkdown()
		);
	});

	it('lists every field with a meaning, the annex and report fields among them', () => {
		const fields = fieldReference();
		const paths = fields.map((f) => f.path);
		for (const path of [
			'decision.date',
			'funding.years[].prefinancing',
			'events[].participants[].name',
			'budget.sources[].variance',
			'expenses.rows[].source'
		])
			expect(paths).toContain(path);
		expect(fields.filter((f) => !f.description)).toEqual([]);
	});
});
