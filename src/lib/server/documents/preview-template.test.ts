import { describe, expect, it } from 'vitest';
import { templateIssueText } from '$lib/i18n/template-messages';
import { checkTemplateText } from './preview-template';

const head = ['template: annex', 'name: Annex', 'languages: [lv, en]', 'data: [plan]', 'content:'];

describe('the editor’s check of an unsaved text', () => {
	it('gives every problem at its line, as the lint marks them', () => {
		const source = [
			...head,
			'  - heading: "{{ project.nosuch }}"',
			'  - text: ok',
			'  - text: "{% for x in events %}"'
		].join('\n');
		const check = checkTemplateText('annex', source);
		expect(check.ok).toBe(false);
		if (check.ok) return;
		expect(check.problems.map((p) => p.line)).toEqual([6, 8]);
		expect(check.problems.map((p) => templateIssueText(p.issue, 'lv'))).toEqual([
			'Nezināms lauks “nosuch” izteiksmē project.nosuch.',
			'“{% for x in events %}” nav aizvērts.'
		]);
		expect(templateIssueText(check.problems[1]!.issue, 'en')).toBe(
			'“{% for x in events %}” is not closed.'
		);
	});

	it('passes a sound text, and holds the id to the template’s', () => {
		expect(checkTemplateText('annex', [...head, '  - text: ok'].join('\n'))).toEqual({ ok: true });
		const renamed = checkTemplateText('other', [...head, '  - text: ok'].join('\n'));
		expect(renamed.ok ? [] : renamed.problems.map((p) => [p.line, p.issue.code])).toEqual([
			[1, 'id_changed']
		]);
	});
});
