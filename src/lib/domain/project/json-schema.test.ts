import { solidInput } from '$tests/factories/projects';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectJsonSchema } from './json-schema';

const published = () => JSON.parse(readFileSync('static/schemas/project.schema.json', 'utf8'));

describe('the published JSON Schema', () => {
	it('is the one the code generates (run `npm run schema:generate` after changing the schema)', () => {
		expect(published()).toEqual(projectJsonSchema());
	});

	it('accepts the SOLID definition and refuses a misspelt field', () => {
		const validate = new Ajv2020({ strict: false }).compile(published());
		expect(validate(solidInput())).toBe(true);
		expect(validate({ ...solidInput(), partnrs: [] })).toBe(false);
	});
});
