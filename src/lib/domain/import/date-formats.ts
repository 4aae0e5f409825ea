/** How a column writes its dates, as a person reads it ("dd.mm.yyyy."), for the detection report. */
import type { DateOrder } from './dates';

const PATTERNS: [RegExp, (order: DateOrder | null) => string][] = [
	[/^\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\.(?:\s|$)/, () => 'dd.mm.yyyy.'],
	[/^\d{1,2}\.\s?\d{1,2}\.\s?\d{4}(?:\s|$)/, () => 'dd.mm.yyyy'],
	[/^\d{4}-\d{1,2}-\d{1,2}/, () => 'yyyy-mm-dd'],
	[/^\d{4}[./]\d{1,2}[./]\d{1,2}/, () => 'yyyy.mm.dd'],
	[
		/^\d{1,2}[/-]\d{1,2}[/-]\d{4}/,
		(order) => (order === 'dmy' ? 'dd/mm/yyyy' : order === 'mdy' ? 'mm/dd/yyyy' : '??/??/yyyy')
	]
];

/** The distinct formats among the values, most used first. */
export function dateFormatsOf(values: Iterable<string>, order: DateOrder | null): string[] {
	const counts = new Map<string, number>();
	for (const value of values) {
		const text = value.trim();
		const found = PATTERNS.find(([pattern]) => pattern.test(text));
		if (found) {
			const name = found[1](order);
			counts.set(name, (counts.get(name) ?? 0) + 1);
		}
	}
	return [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}
