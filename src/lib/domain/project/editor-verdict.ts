/**
 * What the project editor says about a working copy before it is saved: which fields are still
 * required (a blank field says "required", whatever rule its value would break), and whether the
 * plan check may speak yet. The plan verdict judges the period, the budget and the events; while
 * any of those is missing or malformed it waits, rather than calling an empty plan sound.
 */
import { z } from 'zod';
import {
	ISSUE,
	parseProjectDefinition,
	pathToString,
	projectDefinitionSchema,
	type DefinitionIssue
} from './definition';
import { fromEditorInput, type EditorInput } from './editor-input';
import { checkPlan, type PlanFinding } from './plan-checks';

export type PlanVerdict =
	| { kind: 'judged'; findings: PlanFinding[] }
	/** The figures are not all there: `fields` of them are missing or malformed. */
	| { kind: 'waiting'; fields: number };

// The plan check's figures, read by the very field schemas of the definition, so that the
// verdict waits exactly as long as one of them would be refused.
const shape = projectDefinitionSchema.shape;
const figuresSchema = z.object({
	period: shape.period,
	funding: shape.funding,
	events: shape.events,
	plannedMobilities: shape.plannedMobilities
});

/**
 * The value at a path such as `funding.years[0].prefinancing`. Hand-written: the paths are the
 * schema's own (pathToString), and a six-line walk is all a lookup library would add.
 */
function valueAt(root: unknown, path: string): unknown {
	let value = root;
	for (const part of path.match(/[^.[\]]+/g) ?? []) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[part];
	}
	return value;
}

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The working copy's problems, a blank field's said as "required" (not "not a date"). */
export function editorIssues(input: EditorInput): DefinitionIssue[] {
	const parsed = parseProjectDefinition(fromEditorInput(input));
	if (parsed.ok) return [];
	return parsed.issues.map((issue) =>
		issue.key !== ISSUE.required && isBlank(valueAt(input, issue.path))
			? { path: issue.path, key: ISSUE.required, params: {} }
			: issue
	);
}

/** The paths of the fields that must be filled in before the form can be saved. */
export function requiredPaths(issues: readonly DefinitionIssue[]): Set<string> {
	return new Set(issues.filter((i) => i.key === ISSUE.required).map((i) => i.path));
}

/** The plan verdict, once the figures it judges are all filled in and readable. */
export function planVerdict(input: EditorInput): PlanVerdict {
	const figures = figuresSchema.safeParse(fromEditorInput(input));
	if (!figures.success)
		return {
			kind: 'waiting',
			fields: new Set(figures.error.issues.map((i) => pathToString(i.path))).size
		};
	return { kind: 'judged', findings: checkPlan(figures.data) };
}
