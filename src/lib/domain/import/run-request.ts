/** What the import page sends to run an import, checked the same way in the browser and on the server. */
import { z } from 'zod';
import { ALL_FIELDS, IMPORT_KINDS } from './fields';
import { mappingProfileSchema } from './profile';
import type { ImportProgress } from './result';

export const importRunSchema = z.strictObject({
	fileId: z.uuid(),
	kind: z.enum(IMPORT_KINDS),
	mode: z.enum(['dry-run', 'commit']),
	profile: mappingProfileSchema,
	skipRejected: z.boolean().default(false),
	/** The fields the user has confirmed to import without, having been warned that no column gives them. */
	without: z.array(z.enum(ALL_FIELDS)).default([]),
	/** Line → event number, or null for "no event". */
	assignments: z.record(z.string().regex(/^\d+$/), z.int().min(1).nullable()).default({})
});

export type ImportRunRequest = z.input<typeof importRunSchema>;

/** What the page sends to cancel the run it started: the id of the run's first streamed line. */
export const importCancelSchema = z.strictObject({ runId: z.uuid() });

/**
 * One line of the streamed answer: first the run's id (to cancel it by), then progress while the
 * file is read, then the outcome.
 */
export type ImportStreamEvent<Result, Failure> =
	| { type: 'started'; runId: string }
	| ({ type: 'progress' } & ImportProgress)
	| { type: 'result'; result: Result }
	| { type: 'failure'; failure: Failure; result?: Result };
