/** Why a whole file is refused, as codes with their numbers, so each front end can say it in its language. */
import type { ImportField, ImportKind } from './fields';
import type { HeaderProblem } from './headers';
import type { DateRange, RowInPeriod } from '../control/periods';

export type ImportFailure =
	| { code: 'empty' }
	| { code: 'binary' }
	| { code: 'utf-16' }
	/** A password-protected Excel workbook: an encrypted package inside an OLE (CFB) container. */
	| { code: 'encrypted-workbook' }
	/** An OLE (CFB) file that is no encrypted workbook: an Excel 97–2003 .xls, or another Office file. */
	| { code: 'old-excel' }
	/** A ZIP archive that holds no readable Excel workbook, or a damaged one. */
	| { code: 'not-a-workbook' }
	/** An OpenDocument spreadsheet (.ods): no kept library streams it, so it is refused. */
	| { code: 'ods' }
	/** The profile names a sheet the workbook does not have. */
	| { code: 'no-such-sheet'; sheet: string; sheets: string[] }
	| { code: 'too-large'; limit: number }
	| { code: 'encoding-mismatch'; encoding: string; line: number }
	| {
			code: 'header';
			problems: HeaderProblem[];
			/** The row read as the header, so the columns can be mapped by hand. */
			header: string[];
			/** The other kind of export, when its columns are all there. */
			suggestKind: ImportKind | null;
	  }
	| { code: 'no-records' }
	| { code: 'unterminated-quote'; line: number }
	| { code: 'has-rejected'; rejected: number }
	/** The rows would have these fields empty, and the user has not said to import without them. */
	| { code: 'missing-columns'; fields: ImportField[] }
	| { code: 'nothing-to-commit' }
	/** The database went away mid-way; the transaction rolled back, so nothing was saved. */
	| { code: 'connection-lost' }
	/** Something broke on the server; the details are in its log, not in the browser. */
	| { code: 'internal' }
	| { code: 'not-found' }
	/** The user stopped the import; a commit rolled back, so nothing was saved. */
	| { code: 'cancelled' }
	/** Rows dated in a closed period: the first of them named, and how many there are. */
	| { code: 'closed-period'; period: DateRange; rows: RowInPeriod[]; count: number };
