/**
 * `cofund summary`: the project's figures (the same object the dashboard and the documents read)
 * as text for a person, or as JSON with money as two-decimal strings.
 */
import { formatMoney } from '$lib/domain/format';
import {
	NO_CATEGORY,
	type MobilityCounts,
	type ProjectFigures
} from '$lib/domain/dashboard/figures';
import { centsToDecimal, type Cents } from '$lib/domain/money';
import type { ProjectDefinition } from '$lib/domain/project/definition';
import { decisionRef } from '$lib/i18n/decision-ref';
import { m } from '$lib/paraglide/messages.js';
import type { CliContext } from '../context';
import { controlJson, controlLines, type ControlJson } from './summary-control';

export interface SummaryJson {
	project: string;
	currency: string;
	plan: {
		total: string;
		eu: string;
		council: string;
		byYear: Record<
			string,
			{
				prefinancing: string;
				cofinancing: string;
				total: string;
				/** The decision the year's figures come from, in the plan in force. */
				decision?: { number: string; date: string } | null;
			}
		>;
	};
	actual: {
		total: string;
		/** The years with expense rows. */
		byYear: Record<string, string>;
		byCategory: Record<string, string>;
		byEvent: Record<string, string>;
		unassigned: string;
	};
	mobilities: MobilityCounts & { unassigned: number; byEvent: Record<string, MobilityCounts> };
	/** Eligible against declared, from the auditor's findings (summary-control.ts). */
	control: ControlJson;
}

type Summarised = Pick<ProjectDefinition, 'code' | 'currency' | 'funding'> &
	Partial<Pick<ProjectDefinition, 'decision'>>;

/**
 * Whether the JSON names each year's decision: once an amendment left years under different
 * decisions. A plan under its one decision gives the JSON it always gave.
 */
function namesDecisions(definition: Summarised, figures: ProjectFigures): boolean {
	const own = definition.decision;
	return figures.years.some(
		(y) =>
			y.decision &&
			(!own || y.decision.number !== own.number.trim() || y.decision.date !== own.date)
	);
}

const decimals = (entries: [string, Cents][]) =>
	Object.fromEntries(
		entries
			.sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
			.map(([key, cents]) => [key, centsToDecimal(cents)])
	);

export function summaryJson(definition: Summarised, figures: ProjectFigures): SummaryJson {
	const planned = new Set(definition.funding.years.map((y) => y.year));
	const { mobility } = figures;
	const decisions = namesDecisions(definition, figures);
	return {
		project: definition.code,
		currency: definition.currency,
		plan: {
			total: centsToDecimal(definition.funding.total),
			eu: centsToDecimal(definition.funding.eu),
			council: centsToDecimal(definition.funding.council),
			byYear: Object.fromEntries(
				figures.years
					.filter((y) => planned.has(y.year))
					.map((y) => [
						String(y.year),
						{
							prefinancing: centsToDecimal(y.prefinancing),
							cofinancing: centsToDecimal(y.cofinancing),
							total: centsToDecimal(y.plan),
							...(decisions && { decision: y.decision ?? null })
						}
					])
			)
		},
		actual: {
			total: centsToDecimal(figures.total.actual),
			byYear: decimals(
				figures.years.filter((y) => y.rows > 0).map((y) => [String(y.year), y.actual])
			),
			byCategory: decimals(figures.byCategory.map((c) => [c.category || NO_CATEGORY, c.cents])),
			byEvent: decimals(
				figures.byEvent.flatMap((e) => (e.event === null ? [] : [[String(e.event), e.cents]]))
			),
			unassigned: centsToDecimal(figures.unassigned.cents)
		},
		mobilities: {
			planned: mobility.planned,
			completed: mobility.completed,
			cancelled: mobility.cancelled,
			unassigned: mobility.unassigned,
			byEvent: figures.mobilityByEvent
		},
		control: controlJson(figures.control)
	};
}

export function printSummary(
	definition: Summarised,
	figures: ProjectFigures,
	ctx: CliContext
): void {
	const { locale } = ctx;
	const money = (cents: Cents) =>
		formatMoney(cents, locale, { currency: definition.currency, decimals: 'always' });
	const actual = m.summary_actual({}, { locale });
	ctx.out(definition.code);
	ctx.out(
		`  ${m.summary_plan({}, { locale }).padEnd(12)} ${money(figures.total.plan).padStart(16)}   ${actual} ${money(figures.total.actual)}`
	);
	for (const year of figures.years) {
		const decision = year.decision
			? `   ${m.inforce_summary_decision({ decision: decisionRef(year.decision, locale) }, { locale })}`
			: '';
		ctx.out(
			`  ${String(year.year).padEnd(12)} ${money(year.plan).padStart(16)}   ${actual} ${money(year.actual)}${decision}`
		);
	}
	const { planned, completed, cancelled } = figures.mobility;
	ctx.out(`  ${m.summary_mobilities({ planned, completed, cancelled }, { locale })}`);
	for (const line of controlLines(figures.control, locale, definition.currency)) ctx.out(line);
}
