import { describe, expect, it } from 'vitest';
import { parseTemplate, TemplateError } from '$lib/domain/documents/parse-template';
import { templateIssueText, templateProblemAt } from './template-messages';

const head = ['template: test-template', 'name: Test', 'languages: [lv, en]', 'data: [plan]'];

function issueOf(...lines: string[]) {
	try {
		parseTemplate('test.yaml', [...head, ...lines].join('\n'));
	} catch (error) {
		if (error instanceof TemplateError) return error;
		throw error;
	}
	throw new Error('the template parsed without an error');
}

describe('template problems in the reader language', () => {
	it('says a YAML syntax error as a code, at its line, in Latvian and English', () => {
		const error = issueOf('content:', '  - heading: "Pārskats', '  - text: x');
		expect(error.issue).toEqual({ code: 'yaml', params: { kind: 'quote' } });
		expect(templateProblemAt(error.line, error.issue, 'lv')).toMatch(/^\d+\. rinda: Pēdiņas/);
		expect(templateIssueText(error.issue, 'en')).toMatch(/^A quote or bracket is not closed/);
	});

	it('names an unknown field and an unknown filter', () => {
		const field = issueOf('content:', '  - text: "{{ project.titel }}"');
		expect(field.issue).toEqual({
			code: 'unknown_field_in',
			params: { field: 'titel', path: 'project.titel' }
		});
		expect(field.line).toBe(6);
		expect(templateIssueText(field.issue, 'lv')).toBe(
			'Nezināms lauks “titel” izteiksmē project.titel.'
		);
		const filter = issueOf('content:', '  - text: "{{ project.code | shout }}"');
		expect(filter.issue).toEqual({ code: 'liquid_filter', params: { filter: 'shout' } });
		expect(templateIssueText(filter.issue, 'en')).toMatch(/^Unknown filter “shout”/);
	});

	it('says an unknown option and a wrong value of the shape', () => {
		const option = issueOf('content:', '  - heading: Virsraksts', '    colour: red');
		expect(option.issue).toEqual({
			code: 'unknown_option',
			params: { where: 'colour', keys: 'colour' }
		});
		expect(option.line).toBe(7);
		expect(templateIssueText(option.issue, 'lv')).toBe('colour: nezināma opcija colour.');
		const value = issueOf('content:', '  - heading: Virsraksts', '    level: 7');
		expect(value.issue.code).toBe('invalid_value');
		expect(templateIssueText(value.issue, 'lv')).toBe('level: atļautās vērtības ir 1, 2, 3.');
	});

	it('refuses a tag that reads files, and says so in Latvian', () => {
		const error = issueOf('content:', '  - text: "{% include \'x\' %}"');
		expect(error.issue).toEqual({ code: 'liquid_sandbox', params: { tag: 'include' } });
		expect(templateIssueText(error.issue, 'lv')).toBe(
			'Tags “include” nav atļauts: veidne nevar lasīt citus failus.'
		);
	});

	it('says a run out of budget with the figure in the reader grouping', () => {
		const issue = { code: 'budget', params: { kind: 'iterations', limit: 1_000_000 } } as const;
		expect(templateIssueText(issue, 'lv')).toMatch(/1\u00a0000\u00a0000 reižu/);
		expect(templateIssueText(issue, 'en')).toMatch(/1,000,000 times/);
	});
});
