import { solidDefinition, solidInput } from '$tests/factories/projects';
import { describe, expect, it } from 'vitest';
import { parseProjectDefinition } from './definition';
import { emptyEditorInput, fromEditorInput, toEditorInput } from './editor-input';

describe('the editor working copy', () => {
	it('parses to the same definition as the file it came from', () => {
		const { $schema: _, ...fromFile } = solidDefinition();
		const result = parseProjectDefinition(fromEditorInput(toEditorInput(solidInput())));
		expect(result).toEqual({ ok: true, definition: fromFile });
	});

	it('can show amounts with a decimal comma, and still parses them to the same cents', () => {
		const input = toEditorInput(solidInput(), { decimalComma: true });
		expect(input.funding.total).toBe('4160,00');
		const { $schema: _, ...fromFile } = solidDefinition();
		expect(parseProjectDefinition(fromEditorInput(input))).toEqual({
			ok: true,
			definition: fromFile
		});
	});

	it('treats a cleared "planned mobilities" as absent, not as zero', () => {
		const input = toEditorInput(solidInput());
		input.plannedMobilities = null;
		const result = parseProjectDefinition(fromEditorInput(input));
		expect(result.ok && result.definition.plannedMobilities).toBeUndefined();
	});

	it('reports a cleared number as required', () => {
		const input = toEditorInput(solidInput());
		input.events[0]!.representatives = null;
		const result = parseProjectDefinition(fromEditorInput(input));
		expect(!result.ok && result.issues).toEqual([
			{ path: 'events[0].representatives', key: 'required', params: {} }
		]);
	});

	it("keeps the project's own classification list, which the form does not show", () => {
		const classification = [{ code: '2122', name: { lv: 'Pārējie komandējumu izdevumi' } }];
		const input = toEditorInput({ ...solidInput(), classification });
		const result = parseProjectDefinition(fromEditorInput(input));
		expect(result.ok && result.definition.classification).toEqual(classification);
	});

	it('starts a new project blank, with every required field reported', () => {
		const result = parseProjectDefinition(fromEditorInput(emptyEditorInput()));
		expect(result.ok).toBe(false);
		const paths = !result.ok ? result.issues.map((i) => i.path) : [];
		expect(paths).toEqual(expect.arrayContaining(['code', 'title.lv', 'period.start']));
	});
});
