/**
 * Reads the report-texts form: one part of the report (the whole project, or one event) with each
 * of its sections in LV and EN, checked by the shared schema, and saves the sections that changed.
 */
import {
	EVENT_SECTIONS,
	PROJECT_SECTIONS,
	WHOLE_PROJECT,
	narrativeInput,
	type NarrativeText
} from '$lib/domain/report/narratives';
import type { Actor } from '../audit/record-audit';
import type { Database } from '../db';
import { saveNarrative } from './narratives';

export type FormOutcome =
	{ ok: true; event: number; changed: number } | { ok: false; event: number | null };

export function readNarrativeForm(form: FormData): NarrativeText[] | null {
	const event = Number(form.get('event'));
	if (!Number.isInteger(event) || event < 0) return null;
	const sections = event === WHOLE_PROJECT ? PROJECT_SECTIONS : EVENT_SECTIONS;
	const texts: NarrativeText[] = [];
	for (const section of sections) {
		const parsed = narrativeInput.safeParse({
			event,
			section,
			lv: form.get(`${section}.lv`) ?? '',
			en: form.get(`${section}.en`) ?? ''
		});
		if (!parsed.success) return null;
		texts.push(parsed.data);
	}
	return texts;
}

export async function saveNarrativeForm(
	db: Database,
	actor: Actor,
	code: string,
	form: FormData
): Promise<FormOutcome> {
	const texts = readNarrativeForm(form);
	const event = Number(form.get('event'));
	if (!texts) return { ok: false, event: Number.isInteger(event) ? event : null };
	let changed = 0;
	for (const text of texts) if (await saveNarrative(db, actor, code, text)) changed++;
	return { ok: true, event, changed };
}
