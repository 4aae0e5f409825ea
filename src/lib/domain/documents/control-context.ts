/**
 * The auditor's control as a template reads it: declared, verified, queried, ineligible and
 * eligible in total and per year, code and event, straight from `figures.control`
 * (control-figures.ts), so a document shows the amounts the dashboard shows. Its schema joins
 * the document context's (document-context.ts).
 */
import { z } from 'zod';
import {
	classificationName,
	type ClassificationEntry
} from '../classification/classification-name';
import type { ControlAmounts, ControlFigures } from '../dashboard/control-figures';
import type { Locale } from '../locale';

const cents = (description: string) => z.int().meta({ description: `${description} (cents)` });

const amounts = {
	declared: cents('Declared: the live expense rows'),
	verified: cents('Of those, the rows the auditor verified'),
	queried: cents('Of those, the rows under an open query'),
	ineligible: cents('What was deducted as ineligible'),
	unchecked: cents('The rows with no finding yet'),
	eligible: cents('Declared less ineligible'),
	rows: z.int().meta({ description: 'Expense rows' }),
	checked_rows: z.int().meta({ description: 'Of those, rows with a finding' })
};

export const controlContextSchema = z.object({
	checked: z.boolean().meta({ description: 'Whether any row has a finding yet' }),
	total: z.object(amounts).meta({ description: 'Over the whole project' }),
	years: z
		.array(z.object({ year: z.int().meta({ description: 'The year' }), ...amounts }))
		.meta({ description: 'Each year with expenses, by year' }),
	by_category: z
		.array(
			z.object({
				category: z.string().meta({ description: 'The classification code, or empty' }),
				name: z
					.string()
					.meta({ description: "The code's name in the document's language, or empty" }),
				...amounts
			})
		)
		.meta({ description: 'Each classification code, by code (no code last)' }),
	by_event: z
		.array(
			z.object({
				event: z.string().meta({ description: 'The event number, or empty for no event' }),
				...amounts
			})
		)
		.meta({ description: 'Each event, by number (no event last)' })
});

export type ControlContext = z.infer<typeof controlContextSchema>;

const fields = (a: ControlAmounts) => ({
	declared: a.declared,
	verified: a.verified,
	queried: a.queried,
	ineligible: a.ineligible,
	unchecked: a.unchecked,
	eligible: a.eligible,
	rows: a.rows,
	checked_rows: a.checkedRows
});

export function controlContext(
	control: ControlFigures,
	lang: Locale,
	codeNames: readonly ClassificationEntry[] | undefined
): ControlContext {
	return {
		checked: control.total.checkedRows > 0,
		total: fields(control.total),
		years: control.years.map((y) => ({ year: y.year, ...fields(y) })),
		by_category: control.byCategory.map((c) => ({
			category: c.category,
			name: classificationName(c.category, lang, codeNames) ?? '',
			...fields(c)
		})),
		by_event: control.byEvent.map((e) => ({
			event: e.event === null ? '' : String(e.event),
			...fields(e)
		}))
	};
}
