/**
 * The final report's narrative texts, as the coordinator writes them in LV and EN: per event what
 * happened, its results and the participants' countries; for the whole project its results and
 * their dissemination. One schema checks the form on the client and the server; the document
 * data holds only the sections that have text, so an empty one prints no heading.
 */
import { z } from 'zod';

export const EVENT_SECTIONS = ['happened', 'results', 'countries'] as const;
export const PROJECT_SECTIONS = ['results', 'dissemination'] as const;
export type NarrativeSection = (typeof EVENT_SECTIONS)[number] | (typeof PROJECT_SECTIONS)[number];

/** Event number 0 stands for the project as a whole. */
export const WHOLE_PROJECT = 0;

/** A page or two of text per section is plenty; more is pasted by mistake. */
export const NARRATIVE_MAX = 8000;

export interface Bilingual {
	lv: string;
	en: string;
}

export interface EventNarrative {
	number: number;
	happened: Bilingual;
	results: Bilingual;
	countries: Bilingual;
}

/** What documents read: only sections with text in at least one language. */
export interface ReportNarratives {
	results: Bilingual;
	dissemination: Bilingual;
	events: EventNarrative[];
}

export interface NarrativeText {
	event: number;
	section: NarrativeSection;
	lv: string;
	en: string;
}

const text = z
	.string()
	.max(NARRATIVE_MAX)
	.transform((s) => s.replace(/\r\n?/g, '\n').trim());

/** One section as the form sends it. */
export const narrativeInput = z
	.object({
		event: z.coerce.number().int().min(0).max(999),
		section: z.enum(['happened', 'results', 'countries', 'dissemination']),
		lv: text,
		en: text
	})
	.refine(
		(n) =>
			n.event === WHOLE_PROJECT
				? (PROJECT_SECTIONS as readonly string[]).includes(n.section)
				: (EVENT_SECTIONS as readonly string[]).includes(n.section),
		{ message: 'section does not belong to this part of the report' }
	);

const empty = (): Bilingual => ({ lv: '', en: '' });

/** The stored texts as documents read them: events in number order, empty events left out. */
export function reportNarratives(texts: readonly NarrativeText[]): ReportNarratives {
	const report: ReportNarratives = { results: empty(), dissemination: empty(), events: [] };
	const events = new Map<number, EventNarrative>();
	for (const t of texts) {
		if (!t.lv && !t.en) continue;
		const value = { lv: t.lv, en: t.en };
		if (t.event === WHOLE_PROJECT) {
			if (t.section === 'results' || t.section === 'dissemination') report[t.section] = value;
			continue;
		}
		if (t.section === 'dissemination') continue;
		const event = events.get(t.event) ?? {
			number: t.event,
			happened: empty(),
			results: empty(),
			countries: empty()
		};
		event[t.section] = value;
		events.set(t.event, event);
	}
	report.events = [...events.values()].sort((a, b) => a.number - b.number);
	return report;
}

/** The text for a document in `lang`, else the other language's: a report never loses a text. */
export const inLanguage = (text: Bilingual, lang: 'lv' | 'en'): string =>
	text[lang] || text[lang === 'lv' ? 'en' : 'lv'];
