import { describe, expect, it } from 'vitest';
import { TemplateError } from '$lib/domain/documents/parse-template';
import { TemplateFailedError } from './make-document';
import { failureMarkText, renderFailureText } from './render-failure';
import { DocumentRenderError } from './render-pool';

const NBSP = /\u00a0/g;

describe('a failed render in the reader’s language', () => {
	const loop = new TemplateFailedError(
		new TemplateError('council-annex v6', 20, 'the document loops more than 1000000 times', {
			kind: 'iterations',
			limit: 1_000_000
		}),
		'council-annex',
		6,
		5
	);

	it('names the limit, the line, the mark and the version used instead, in EN and LV', () => {
		expect(renderFailureText(loop, 'en')).toBe(
			'council-annex v6, line 20: the document loops more than 1,000,000 times, the most one document is allowed. Nothing was made. Version 6 of council-annex is now marked as failed: documents are made from version 5, the last one that did not fail, until a corrected version is saved.'
		);
		expect(renderFailureText(loop, 'lv')!.replace(NBSP, ' ')).toBe(
			'council-annex v6, 20. rinda: dokumenta cikli atkārtojas vairāk nekā 1 000 000 reižu — vairāk, nekā vienam dokumentam atļauts. Nekas netika izveidots. Veidnes council-annex versija 6 tagad atzīmēta kā kļūdaina: dokumenti tiek veidoti no versijas 5, pēdējās, kurai kļūdu nebija, līdz tiek saglabāta izlabota versija.'
		);
	});

	it('says when the worker’s memory cap stopped it, and when no earlier version is left', () => {
		const memory = new TemplateFailedError(
			new DocumentRenderError('memory', 1536),
			'final-report',
			1,
			null
		);
		expect(renderFailureText(memory, 'en')!.replace(NBSP, ' ')).toBe(
			'final-report v1: the document needed more than 1,536 MB of memory, and its render was stopped. Nothing was made. Version 1 of final-report is now marked as failed, and no earlier version is free of failures: save a corrected version.'
		);
		expect(renderFailureText(memory, 'lv')).toContain('vajadzēja vairāk nekā 1536 MB atmiņas');
	});

	it('says a crash of the worker is not the template’s, and leaves other errors alone', () => {
		expect(renderFailureText(new DocumentRenderError('crashed', null, 'exit code 1'), 'en')).toBe(
			'The document could not be rendered (the render stopped unexpectedly: exit code 1). Nothing was made; the template is not marked.'
		);
		expect(renderFailureText(new Error('database down'), 'en')).toBeNull();
	});

	it('writes a kept mark without the advice of the moment', () => {
		const text = failureMarkText(
			{
				templateId: 'council-annex',
				version: 6,
				kind: 'budget',
				problem: 'the document builds more than 16000000 characters of text',
				line: 3,
				limitName: 'characters',
				limitValue: 16_000_000,
				project: 'SOLID',
				lang: 'lv',
				createdBy: 'coordinator@cofund.example',
				createdAt: new Date()
			},
			'council-annex v6',
			'en'
		);
		expect(text).toBe(
			'council-annex v6, line 3: the document builds more than 16,000,000 characters of text, the most one document is allowed.'
		);
	});
});
