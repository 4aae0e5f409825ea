/**
 * Completes what a Liquid text may name: inside `{{ … }}` or `{% … %}` the fields of the generated
 * reference (the same list the reference page shows, in the reader's language), and after `|` the
 * filters. Loop items (`{% for event in events %}`) are not tracked; their fields are offered as
 * `events[].title`-style paths would be, under the list's name.
 */
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';

export interface ReferenceField {
	path: string;
	type: string;
	description: string;
}
export interface ReferenceFilter {
	name: string;
	usage: string;
	example: string;
}

/** Whether the cursor is inside an open `{{` or `{%` on its line. */
function insideLiquid(before: string): boolean {
	const open = Math.max(before.lastIndexOf('{{'), before.lastIndexOf('{%'));
	const close = Math.max(before.lastIndexOf('}}'), before.lastIndexOf('%}'));
	return open >= 0 && open > close;
}

export function liquidCompletion(fields: ReferenceField[], filters: ReferenceFilter[]) {
	// A list's items are offered by the list's own name too, so `events.` is not a dead end in a loop.
	const fieldOptions: Completion[] = fields.map((f) => ({
		label: f.path.replace(/\[\]/g, ''),
		detail: f.type,
		info: f.description,
		type: 'variable'
	}));
	const filterOptions: Completion[] = filters.map((f) => ({
		label: f.name,
		detail: f.example,
		info: f.usage,
		type: 'function'
	}));
	return (context: CompletionContext): CompletionResult | null => {
		const line = context.state.doc.lineAt(context.pos);
		const before = line.text.slice(0, context.pos - line.from);
		if (!insideLiquid(before)) return null;
		const filter = /\|\s*(\w*)$/.exec(before);
		if (filter)
			return { from: context.pos - filter[1]!.length, options: filterOptions, validFor: /^\w*$/ };
		const word = /[\w.]*$/.exec(before)![0];
		if (!word && !context.explicit && !/[{%]\s$/.test(before)) return null;
		return { from: context.pos - word.length, options: fieldOptions, validFor: /^[\w.]*$/ };
	};
}
