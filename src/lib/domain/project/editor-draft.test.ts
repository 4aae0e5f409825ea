import { solidInput } from '$tests/factories/projects';
import { describe, expect, it } from 'vitest';
import { emptyEditorInput, emptyPartner, toEditorInput } from './editor-input';
import { readDraft } from './editor-draft';

describe('reading a kept draft back into the editor', () => {
	it('gives back a half-filled form exactly as it was kept', () => {
		const form = emptyEditorInput();
		form.code = 'DRAFT';
		form.title.lv = 'Sadarbība ar Sződliget un Gmina Dąbrowa';
		form.funding.total = '4160,5';
		form.partners.push({
			name: 'Gmina Dąbrowa',
			nameEn: '',
			city: 'Dąbrowa',
			country: 'PL',
			countryName: { lv: 'Polija', en: 'Poland' }
		});
		expect(readDraft(JSON.parse(JSON.stringify(form)))).toEqual(form);
	});

	it('gives back a whole project form, its code names too', () => {
		const form = toEditorInput(solidInput());
		expect(readDraft(JSON.parse(JSON.stringify(form)))).toEqual(form);
	});

	it('fills what a stored draft lacks or got wrong with the empty form’s blanks', () => {
		const read = readDraft({ code: 'X1', title: 'not names', partners: [{ name: 3 }, 'row'] });
		// A row keeps its place with its wrong field blank; what is not a row at all is dropped.
		expect(read).toEqual({ ...emptyEditorInput(), code: 'X1', partners: [emptyPartner()] });
	});

	it('refuses what is not a form at all', () => {
		expect(readDraft(null)).toBeNull();
		expect(readDraft([1, 2])).toBeNull();
		expect(readDraft('{"code": "X"}')).toBeNull();
	});
});
