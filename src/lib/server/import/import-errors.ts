/** The error that refuses a whole file; what it carries is said by the i18n layer. */
import type { ImportFailure } from '$lib/domain/import/failures';
import type { ImportResult } from './run-import';

export type { ImportFailure };

export class ImportFileError extends Error {
	constructor(
		readonly failure: ImportFailure,
		/** What the run found, when the file was read to the end before the commit was refused. */
		readonly result?: ImportResult
	) {
		super(`Import refused: ${failure.code}`);
		this.name = 'ImportFileError';
	}
}
