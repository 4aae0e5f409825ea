/** Why a whole file is refused, as codes with their numbers, so each front end can say it in its language. */
import type { HeaderProblem } from './headers';

export type ImportFailure =
	| { code: 'empty' }
	| { code: 'binary' }
	| { code: 'utf-16' }
	| { code: 'too-large'; limit: number }
	| { code: 'encoding-mismatch'; encoding: string; line: number }
	| { code: 'header'; problems: HeaderProblem[] }
	| { code: 'no-records' }
	| { code: 'unterminated-quote'; line: number }
	| { code: 'has-rejected'; rejected: number }
	| { code: 'nothing-to-commit' };
