/** Maps a project definition to its table rows and back; the database keeps nothing else of it. */
import type {
	LeadPartner,
	MobilityEvent,
	Partner,
	ProjectDefinition
} from '$lib/domain/project/definition';
import type { InferInsertModel, InferSelectModel } from 'drizzle-orm';
import type { mobilityEvents, partners, projects, yearPlans } from '../db/schema';

type ProjectRow = InferSelectModel<typeof projects>;
type PartnerRow = InferSelectModel<typeof partners>;
type YearRow = InferSelectModel<typeof yearPlans>;
type EventRow = InferSelectModel<typeof mobilityEvents>;

export type ProjectValues = Omit<
	InferInsertModel<typeof projects>,
	'id' | 'version' | 'createdAt' | 'updatedAt'
>;
export type PartnerValues = Omit<InferInsertModel<typeof partners>, 'projectId'>;
export type YearValues = Omit<InferInsertModel<typeof yearPlans>, 'projectId'>;
export type EventValues = Omit<InferInsertModel<typeof mobilityEvents>, 'projectId' | 'id'>;

/** Drops absent optional values, so a loaded definition equals the one that was saved. */
function compact<T extends object>(value: T): T {
	return Object.fromEntries(
		Object.entries(value).filter(([, v]) => v !== null && v !== undefined)
	) as T;
}

type StoredCountryNames = { lv: string | undefined; en: string | undefined };

function countryNames(lv: string | null, en: string | null): StoredCountryNames | undefined {
	return lv || en ? { lv: lv ?? undefined, en: en ?? undefined } : undefined;
}

export function projectValues(d: ProjectDefinition): ProjectValues {
	return {
		code: d.code,
		titleLv: d.title.lv,
		titleEn: d.title.en,
		currency: d.currency,
		programmeLv: d.programme.lv,
		programmeEn: d.programme.en,
		periodStart: d.period.start,
		periodEnd: d.period.end,
		decisionBodyLv: d.decision.body.lv,
		decisionBodyLvGenitive: d.decision.body.lvGenitive,
		decisionBodyEn: d.decision.body.en,
		decisionDate: d.decision.date,
		decisionNumber: d.decision.number,
		decisionAnnex: d.decision.annex,
		totalCents: d.funding.total,
		euCents: d.funding.eu,
		councilCents: d.funding.council,
		plannedMobilities: d.plannedMobilities ?? null,
		goalLv: d.goal.lv,
		goalEn: d.goal.en,
		// A plan that states no activities keeps blank texts; blank reads back as absent.
		activitiesLv: d.activities?.lv ?? '',
		activitiesEn: d.activities?.en ?? '',
		classification: d.classification ?? null
	};
}

function partnerValues(p: Partner | LeadPartner, role: 'lead' | 'partner', position: number) {
	return {
		role,
		position,
		name: p.name,
		nameEn: p.nameEn ?? null,
		localName: 'localName' in p ? (p.localName ?? null) : null,
		city: p.city ?? null,
		country: p.country,
		countryLv: p.countryName?.lv ?? null,
		countryEn: p.countryName?.en ?? null
	} satisfies PartnerValues;
}

export function partnerRows(d: ProjectDefinition): PartnerValues[] {
	return [
		partnerValues(d.leadPartner, 'lead', 0),
		...d.partners.map((p, i) => partnerValues(p, 'partner', i + 1))
	];
}

export function yearRows(d: ProjectDefinition): YearValues[] {
	return d.funding.years.map((y) => ({
		year: y.year,
		prefinancingCents: y.prefinancing,
		cofinancingCents: y.cofinancing
	}));
}

export function eventRows(d: ProjectDefinition): EventValues[] {
	return d.events.map((e) => ({
		number: e.number,
		titleLv: e.title?.lv ?? null,
		titleEn: e.title?.en ?? null,
		city: e.city ?? null,
		country: e.country,
		countryLv: e.countryName?.lv ?? null,
		countryEn: e.countryName?.en ?? null,
		plannedMonth: e.month,
		plannedRepresentatives: e.representatives
	}));
}

function partnerFromRow(row: PartnerRow): Partner {
	return compact({
		name: row.name,
		nameEn: row.nameEn ?? undefined,
		city: row.city ?? undefined,
		country: row.country,
		countryName: countryNames(row.countryLv, row.countryEn)
	});
}

function eventFromRow(row: EventRow): MobilityEvent {
	return compact({
		number: row.number,
		title:
			row.titleLv !== null || row.titleEn !== null
				? { lv: row.titleLv ?? '', en: row.titleEn ?? '' }
				: undefined,
		city: row.city ?? undefined,
		country: row.country,
		countryName: countryNames(row.countryLv, row.countryEn),
		month: row.plannedMonth,
		representatives: row.plannedRepresentatives
	});
}

export function definitionFromRows(
	p: ProjectRow,
	partnerList: PartnerRow[],
	years: YearRow[],
	events: EventRow[]
): ProjectDefinition {
	const ordered = [...partnerList].sort((a, b) => a.position - b.position);
	const lead = ordered.find((row) => row.role === 'lead');
	if (!lead) throw new Error(`Project ${p.code} has no lead partner`);
	return compact({
		code: p.code,
		title: { lv: p.titleLv, en: p.titleEn },
		currency: p.currency,
		programme: { lv: p.programmeLv, en: p.programmeEn },
		period: { start: p.periodStart, end: p.periodEnd },
		leadPartner: compact({ ...partnerFromRow(lead), localName: lead.localName ?? undefined }),
		partners: ordered.filter((row) => row.role === 'partner').map(partnerFromRow),
		decision: {
			body: { lv: p.decisionBodyLv, lvGenitive: p.decisionBodyLvGenitive, en: p.decisionBodyEn },
			date: p.decisionDate,
			number: p.decisionNumber,
			annex: p.decisionAnnex
		},
		funding: {
			total: p.totalCents,
			eu: p.euCents,
			council: p.councilCents,
			years: [...years]
				.sort((a, b) => a.year - b.year)
				.map((y) => ({
					year: y.year,
					prefinancing: y.prefinancingCents,
					cofinancing: y.cofinancingCents
				}))
		},
		events: [...events].sort((a, b) => a.number - b.number).map(eventFromRow),
		plannedMobilities: p.plannedMobilities ?? undefined,
		goal: { lv: p.goalLv, en: p.goalEn },
		activities:
			p.activitiesLv || p.activitiesEn ? { lv: p.activitiesLv, en: p.activitiesEn } : undefined,
		classification: p.classification ?? undefined
	});
}
