/** What judging a record gives: the rules it is judged by, the records it yields, the outcomes. */
import type { DecimalMark } from './amounts';
import type { DateOrder } from './dates';
import type { EventMatch, EventTarget } from './events';
import type { ImportField, ImportKind } from './fields';
import type { ColumnMap } from './headers';
import type { MappingProfile } from './profile';
import type { FundingSource, ParticipationStatus } from './values';

export interface ImportProject {
	code: string;
	currency: string;
	events: readonly EventTarget[];
}

export interface ClassifyRules {
	kind: ImportKind;
	columns: ColumnMap;
	/** Fields in the header row; a record with other non-empty fields is ragged. */
	width: number;
	decimal: DecimalMark;
	dateOrder: DateOrder | null;
	/** ISO date; an expense dated after it is refused. */
	today: string;
	project: ImportProject;
	values: NonNullable<MappingProfile['values']>;
	/** Events set by hand for a line: a number, or null for "no event". */
	assignments?: ReadonlyMap<number, number | null>;
}

export interface ExpenseRecord {
	date: string;
	amountCents: number;
	currency: string;
	documentNumber: string;
	payee: string;
	description: string;
	category: string;
	eventNumber: number | null;
	fundingSource: FundingSource | null;
}

export interface ParticipationRecord {
	person: string;
	position: string;
	eventNumber: number | null;
	city: string;
	country: string | null;
	departure: string;
	returnDate: string | null;
	orderNumber: string;
	status: ParticipationStatus;
}

export type RejectCode =
	| 'field-count'
	| 'required'
	| 'too-long'
	| 'date-invalid'
	| 'date-ambiguous'
	| 'date-no-such-day'
	| 'date-future'
	| 'amount-invalid'
	| 'amount-decimals'
	| 'amount-too-large'
	| 'currency-other'
	| 'funding-unknown'
	| 'status-unknown'
	| 'country-unknown'
	| 'event-invalid'
	| 'return-before-departure';

export interface RowProblem {
	field: ImportField | null;
	code: RejectCode;
	value: string;
	expected?: string;
}

export type SetAsideReason = 'blank' | 'totals' | 'other-project' | 'duplicate';

interface Base {
	line: number;
	/** The record's amount when it has a readable one, for the control totals. */
	amountCents: number | null;
}

export type Outcome =
	| (Base & {
			outcome: 'accepted';
			kind: 'expenses';
			record: ExpenseRecord;
			identity: string;
			event: EventMatch;
			/** The event reference as the file writes it, empty when it has none. */
			eventRef: string;
	  })
	| (Base & {
			outcome: 'accepted';
			kind: 'participation';
			record: ParticipationRecord;
			identity: string;
			event: EventMatch;
			/** The event reference as the file writes it, empty when it has none. */
			eventRef: string;
	  })
	| (Base & { outcome: 'rejected'; problems: RowProblem[] })
	| (Base & { outcome: 'set-aside'; reason: SetAsideReason; detail: string });
