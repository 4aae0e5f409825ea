import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff';

describe('the line diff of a template edit', () => {
	it('shows a changed line as removed and added, with its numbers, and folds far lines', () => {
		const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n') + '\n';
		const after = before.replace('h\n', 'H\n');
		const diff = lineDiff(before, after, 2);
		expect(diff.added).toBe(1);
		expect(diff.removed).toBe(1);
		expect(diff.rows).toEqual([
			{ kind: 'skipped', count: 5 },
			{ kind: 'same', old: 6, new: 6, text: 'f' },
			{ kind: 'same', old: 7, new: 7, text: 'g' },
			{ kind: 'removed', old: 8, new: null, text: 'h' },
			{ kind: 'added', old: null, new: 8, text: 'H' },
			{ kind: 'same', old: 9, new: 9, text: 'i' },
			{ kind: 'same', old: 10, new: 10, text: 'j' }
		]);
	});

	it('numbers the lines after an added line by the new text', () => {
		const diff = lineDiff('a\nb\n', 'a\nnew\nb\n');
		expect(diff.rows).toEqual([
			{ kind: 'same', old: 1, new: 1, text: 'a' },
			{ kind: 'added', old: null, new: 2, text: 'new' },
			{ kind: 'same', old: 2, new: 3, text: 'b' }
		]);
	});

	it('has no rows when nothing changed', () => {
		expect(lineDiff('a\nb', 'a\nb')).toEqual({ rows: [], added: 0, removed: 0 });
	});
});
