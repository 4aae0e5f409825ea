/**
 * A kept draft of a new project: the editor's working copy as it stood, read back forgivingly.
 * A draft is half-filled by nature, so every field falls back to the blank the empty form has;
 * the shape is checked so a stored (or posted) draft can never break the editor that reopens it.
 */
import { z } from 'zod';
import type { EditorInput } from './editor-input';
import { projectDefinitionSchema } from './definition';

/** A draft larger than this is not a form someone typed. */
export const DRAFT_MAX_BYTES = 512 * 1024;

const str = (max = 20000) => z.string().max(max).catch('');
const num = z.number().int().min(-1e9).max(1e9).nullable().catch(null);
const names = z.object({ lv: str(), en: str() }).catch({ lv: '', en: '' });
const partner = z.object({
	name: str(),
	nameEn: str(),
	city: str(),
	country: str(),
	countryName: names
});
const list = <T extends z.ZodType>(item: T) =>
	z
		.array(z.unknown())
		.max(500)
		.catch([])
		.transform((rows) =>
			rows.flatMap((row) => {
				const read = item.safeParse(row);
				return read.success ? [read.data as z.output<T>] : [];
			})
		);

export const editorDraftSchema = z.object({
	code: str(40),
	title: names,
	currency: z.string().max(3).catch('EUR'),
	programme: names,
	period: z.object({ start: str(10), end: str(10) }).catch({ start: '', end: '' }),
	leadPartner: partner.extend({ localName: str() }).catch({
		name: '',
		nameEn: '',
		city: '',
		country: '',
		countryName: { lv: '', en: '' },
		localName: ''
	}),
	partners: list(partner),
	decision: z
		.object({
			body: z
				.object({ lv: str(), lvGenitive: str(), en: str() })
				.catch({ lv: '', lvGenitive: '', en: '' }),
			date: str(10),
			number: str(40),
			annex: num
		})
		.catch({ body: { lv: '', lvGenitive: '', en: '' }, date: '', number: '', annex: 1 }),
	funding: z
		.object({
			total: str(40),
			eu: str(40),
			council: str(40),
			years: list(z.object({ year: num, prefinancing: str(40), cofinancing: str(40) }))
		})
		.catch({ total: '', eu: '', council: '', years: [] }),
	events: list(
		z.object({
			number: num,
			title: names,
			city: str(),
			country: str(),
			countryName: names,
			month: str(7),
			representatives: num
		})
	),
	plannedMobilities: num,
	goal: names,
	activities: names,
	classification: projectDefinitionSchema.shape.classification.optional().catch(undefined)
});

/** The editor's working copy from a stored draft, or null when it is not a draft at all. */
export function readDraft(value: unknown): EditorInput | null {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
	const read = editorDraftSchema.safeParse(value);
	if (!read.success) return null;
	const { classification, ...input } = read.data;
	return classification ? { ...input, classification } : input;
}
