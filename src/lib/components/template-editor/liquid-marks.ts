/**
 * Liquid inside the YAML: `{{ … }}` outputs and `{% … %}` tags are marked on top of the YAML
 * highlighting. A MatchDecorator rather than a second (mixed) language, because Liquid here lives
 * inside YAML strings of every style (plain, quoted, `|` blocks) that the YAML grammar does not
 * hand out as one region, and a mark needs only the delimiters, not a Liquid parse tree: the
 * server's own parser says whether the Liquid is right (see the lint).
 */
import {
	Decoration,
	MatchDecorator,
	ViewPlugin,
	type DecorationSet,
	type ViewUpdate
} from '@codemirror/view';
import type { EditorView } from '@codemirror/view';

const output = Decoration.mark({ class: 'cm-liquid-output' });
const tag = Decoration.mark({ class: 'cm-liquid-tag' });

const marks = new MatchDecorator({
	regexp: /\{\{-?[\s\S]*?-?\}\}|\{%-?[\s\S]*?-?%\}/g,
	decoration: (match) => (match[0].startsWith('{{') ? output : tag)
});

export const liquidMarks = ViewPlugin.fromClass(
	class {
		decorations: DecorationSet;
		constructor(view: EditorView) {
			this.decorations = marks.createDeco(view);
		}
		update(update: ViewUpdate) {
			this.decorations = marks.updateDeco(update, this.decorations);
		}
	},
	{ decorations: (plugin) => plugin.decorations }
);
