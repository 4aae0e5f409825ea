/**
 * The data a document is made from, as one plain JSON value: the plan, and when the template
 * asks for them the expense rows and the trips, each with its source file and line. Its
 * canonical JSON is hashed into the document's fingerprint and kept beside the PDF, so a later
 * check can say exactly what changed since.
 */
import type { FindingState } from '../control/finding-states';
import type { FiguresStep } from '../dashboard/plan-in-force';
import type { ControlData } from './control-records';
import type { LetterheadData } from '../office/letterhead';
import type { Decision, PlanVersionStatus } from '../plan/plan-versions';
import type { ProjectDefinition } from '../project/definition';
import type { ReportNarratives } from '../report/narratives';

/** What a template may ask for; a template that reads only the plan is not affected by imports. */
export const DATA_PARTS = [
	'plan',
	'expenses',
	'trips',
	'narratives',
	'versions',
	'control'
] as const;
export type DataPart = (typeof DATA_PARTS)[number];

export interface ExpenseRecord {
	/** The row's identity in the project (its row key and occurrence), stable across re-imports. */
	key: string;
	date: string;
	cents: number;
	currency: string;
	category: string;
	event: number | null;
	funding: 'eu' | 'council' | null;
	document: string;
	payee: string;
	description: string;
	file: string;
	line: number;
	/**
	 * The auditor's finding on the row, when it has one; left out otherwise, so that the data (and
	 * the fingerprint) of a document made before any finding is as it was.
	 */
	finding?: ExpenseFinding;
}

/** A finding as a document keeps it: what the figures and a later check need. */
export interface ExpenseFinding {
	state: FindingState;
	/** What the finding takes off the row's amount (only an ineligible finding takes anything). */
	deducted: number;
	reason: string | null;
}

export interface TripRecord {
	key: string;
	person: string;
	position: string;
	event: number | null;
	city: string;
	country: string | null;
	departure: string;
	return: string | null;
	order: string;
	status: 'done' | 'cancelled';
	file: string;
	line: number;
}

/**
 * Where the document's plan stands among the project's decisions: what a decision draft cites.
 * Only the plan's own fields are kept, so the data of an adopted version never changes later.
 */
export interface VersionData {
	number: number;
	status: PlanVersionStatus;
	/** `adoption`: the project's first decision (or a correction of its record); else `amendment`. */
	kind: 'adoption' | 'amendment';
	/** For an amendment: the decision it amends (the first adoption) and the plan in force before. */
	amends: {
		decision: Decision;
		title: ProjectDefinition['title'];
		before: Pick<ProjectDefinition, 'decision' | 'funding'>;
	} | null;
}

/** A period closed to changes when the document was made; the day it was closed, in Riga. */
export interface ClosedPeriodData {
	starts: string;
	ends: string;
	closedOn: string;
	closedBy: string;
}

export interface DocumentData {
	plan: ProjectDefinition;
	/** Present when the template uses expenses; ordered by date, file and line. */
	expenses?: ExpenseRecord[];
	/** Present when the template uses trips; ordered by departure, file and line. */
	trips?: TripRecord[];
	/** Present when the template uses the coordinator's narrative texts (the final report). */
	narratives?: ReportNarratives;
	/** Present when the template drafts a decision: the plan version and what it amends. */
	versions?: VersionData;
	/** The municipality's name and logo, present once an admin has set them; heads every document. */
	letterhead?: LetterheadData;
	/**
	 * The adopted plan versions as steps, present when the template uses expenses and the project
	 * has more than one: its budget then reads the plan in force on the document's date. Without
	 * them, the plan above is the only one (and the data, and so the fingerprint, are as before).
	 */
	planSteps?: FiguresStep[];
	/**
	 * The still-closed periods that overlap the project's period, by start; present only when
	 * there are some, so a document of a project with none keeps its data (and bytes).
	 */
	closedPeriods?: ClosedPeriodData[];
	/** Present when the template reports the auditor's control: findings, threads and samples. */
	control?: ControlData;
}

/** Rows sort the same on every engine and every run, so the fingerprint does not depend on order of arrival. */
export function compareRecords(
	a: { date?: string; departure?: string; file: string; line: number; key: string },
	b: { date?: string; departure?: string; file: string; line: number; key: string }
): number {
	const dayA = a.date ?? a.departure ?? '';
	const dayB = b.date ?? b.departure ?? '';
	if (dayA !== dayB) return dayA < dayB ? -1 : 1;
	if (a.file !== b.file) return a.file < b.file ? -1 : 1;
	if (a.line !== b.line) return a.line - b.line;
	return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
