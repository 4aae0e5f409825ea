import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { CompletionContext } from '@codemirror/autocomplete';
import { liquidCompletion } from './liquid-completion';

const source = liquidCompletion(
	[
		{ path: 'project.code', type: 'text', description: 'The short code' },
		{ path: 'events[].title', type: 'text', description: 'The title' }
	],
	[{ name: 'money', usage: 'cents | money', example: '{{ funding.total | money }}' }]
);

/** What is offered with the cursor at the `|` of the line. */
function offered(line: string) {
	const pos = line.indexOf('‸');
	const doc = line.replace('‸', '');
	const result = source(new CompletionContext(EditorState.create({ doc }), pos, false));
	return result && { from: result.from, labels: result.options.map((o) => o.label) };
}

describe('completion in a Liquid text', () => {
	it('offers the fields inside {{ }}, from where the field starts', () => {
		expect(offered('  lv: Kods {{ project.co‸}}')).toEqual({
			from: 14,
			labels: ['project.code', 'events.title']
		});
	});

	it('offers the filters after a |', () => {
		expect(offered('  text: "{{ funding.total | mo‸ }}"')?.labels).toEqual(['money']);
	});

	it('offers nothing outside Liquid', () => {
		expect(offered('  lv: Projekta kopsavilk‸')).toBeNull();
		expect(offered('  lv: {{ project.code }} and more‸')).toBeNull();
	});
});
