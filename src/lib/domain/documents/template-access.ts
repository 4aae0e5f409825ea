/**
 * Which permissions let a reader make a document of a template: `document:generate` for every
 * template, and for the control report also `control:write`, so that auditors make their own
 * report without being given the other documents.
 */
import type { Permission } from '../access';

// A Map, not an object: a template named like an Object member (`constructor`) has no extras.
const EXTRA = new Map<string, readonly Permission[]>([['control-report', ['control:write']]]);

/** Any one of these, on the project, lets a reader make the template's documents. */
export function templatePermissions(template: string): readonly Permission[] {
	return ['document:generate', ...(EXTRA.get(template) ?? [])];
}

/** Every permission that makes some document: what the make and docx routes let through. */
export const MAKE_PERMISSIONS: readonly Permission[] = [
	'document:generate',
	...new Set([...EXTRA.values()].flat())
];
