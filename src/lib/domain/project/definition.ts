/**
 * The project definition: one project's plan as a JSON document. The same schema checks the
 * definition file, the editor's form on the client and on the server, and produces the
 * published JSON Schema. Messages are keys that `src/lib/i18n` turns into LV or EN text.
 */
import { z } from 'zod';
import { isCountryCode } from '../countries';
import { parseIsoDate, parseIsoMonth } from '../format';
import { parseMoney, type Cents } from '../money';

/** Keys of validation messages; every one has an LV and an EN text. */
export const ISSUE = {
	required: 'required',
	code: 'code',
	date: 'date',
	month: 'month',
	money: 'money',
	country: 'country',
	currency: 'currency',
	duplicateYear: 'duplicateYear',
	duplicateEvent: 'duplicateEvent',
	codeTaken: 'codeTaken',
	classificationCode: 'classificationCode',
	duplicateClassification: 'duplicateClassification',
	/** An amending decision dated before the decision in force (params: number, date). */
	decisionOrder: 'decisionOrder'
} as const;

const text = (max = 200) => z.string().trim().max(max);
const requiredText = (max = 200) => text(max).min(1, { error: ISSUE.required });
const localText = (max = 200) => z.strictObject({ lv: requiredText(max), en: text(max) });
/** Optional text: a blank field means the same as an absent one. */
const optionalText = (max = 200) =>
	text(max)
		.optional()
		.transform((v) => v || undefined);
/** An optional text in both languages: absent, or blank in both, means the plan states none. */
const optionalLocalText = (max = 200) =>
	z
		.strictObject({ lv: text(max).optional(), en: text(max).optional() })
		.optional()
		.transform((t) => (t?.lv || t?.en ? { lv: t.lv ?? '', en: t.en ?? '' } : undefined));

const isoDate = z
	.string()
	.refine((v) => parseIsoDate(v) !== null, { error: ISSUE.date })
	.meta({ description: 'A plain date, YYYY-MM-DD', examples: ['2018-01-01'] });

const isoMonth = z
	.string()
	.refine((v) => parseIsoMonth(v) !== null, { error: ISSUE.month })
	.meta({ description: 'A month, YYYY-MM', examples: ['2018-03'] });

/** Money is written as text ("4160.00") or a number with at most two decimals; it becomes cents. */
const money = z
	.union([z.string(), z.number()])
	.meta({ description: 'An amount, e.g. "4160.00"; at most two decimals', examples: ['4160.00'] })
	.transform((value, ctx): Cents => {
		const cents = parseMoney(String(value));
		if (cents === null) {
			ctx.issues.push({ code: 'custom', message: ISSUE.money, input: value });
			return z.NEVER;
		}
		return cents;
	});

const nonNegativeMoney = money.refine((cents) => cents >= 0, { error: ISSUE.money });

const country = z
	.string()
	.refine(isCountryCode, { error: ISSUE.country })
	.meta({ description: 'ISO 3166-1 alpha-2 code', examples: ['BE'] });

const countryNames = z
	.strictObject({ lv: optionalText(100), en: optionalText(100) })
	.meta({ description: 'Names to print instead of the standard ones, e.g. a historical name' })
	.optional()
	.transform((names) => (names?.lv || names?.en ? names : undefined));

const partner = z.strictObject({
	name: requiredText(),
	nameEn: optionalText(),
	city: optionalText(100),
	country,
	countryName: countryNames
});

const leadPartner = partner.extend({
	localName: optionalText().meta({ description: 'The name in its own language' })
});

const yearPlan = z.strictObject({
	year: z.int().min(1990).max(2100),
	prefinancing: nonNegativeMoney,
	cofinancing: nonNegativeMoney
});

const mobilityEvent = z.strictObject({
	number: z.int().min(1).max(999),
	title: z
		.strictObject({ lv: text(), en: text() })
		.optional()
		.transform((t) => (t?.lv || t?.en ? t : undefined)),
	city: optionalText(100),
	// Required: the annex gives every event its country, its month and its planned people
	// ("2.pasākums – Bulgārija 06.2018. (6 pārstāvji)"); the mobility figures count them.
	country,
	countryName: countryNames,
	month: isoMonth,
	representatives: z.int().min(0).max(10_000)
});

/** A code of the project's own classification list, with its name as the project's texts give it. */
const classificationEntry = z.strictObject({
	code: z
		.string()
		.trim()
		.regex(/^\d{4}$/, { error: ISSUE.classificationCode })
		.meta({ description: 'An economic classification code, four digits', examples: ['2122'] }),
	name: z
		.strictObject({ lv: requiredText(300), en: optionalText(300) })
		.meta({ description: 'Its name; with no English name an English reader sees the Latvian' })
});

export const projectDefinitionSchema = z
	.strictObject({
		$schema: z.string().optional(),
		// Why each field is required is said beside it: a field is required only when the
		// council annex prints it or a figure is computed from it. Everything else may be absent.
		code: z
			.string()
			.trim()
			.regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, { error: ISSUE.code })
			.meta({
				description:
					'Short code, capitals and digits. Required: it names the project in every link, import and document',
				examples: ['SOLID']
			}),
		title: localText(300).meta({
			description:
				'Required in Latvian: the annex is titled with it. The English title may be empty'
		}),
		currency: z
			.string()
			.regex(/^[A-Z]{3}$/, { error: ISSUE.currency })
			.default('EUR'),
		programme: localText(1000).meta({
			description:
				'The funding programme. Required in Latvian: the annex states the source of funding'
		}),
		period: z.strictObject({ start: isoDate, end: isoDate }).meta({
			description:
				'Required: the annex states the implementation period, and the monthly plan spans it'
		}),
		leadPartner: leadPartner.meta({
			description: 'The applicant. Required: the annex names it, with its country'
		}),
		partners: z
			.array(partner)
			.max(200)
			.meta({ description: 'The partners in order; may be empty, and then none are printed' }),
		decision: z
			.strictObject({
				body: z.strictObject({
					lv: requiredText(),
					lvGenitive: requiredText().meta({
						description: 'As in "Daugavpils pilsētas domes"; the annex head is written with it'
					}),
					en: text()
				}),
				date: isoDate,
				number: requiredText(20),
				annex: z.int().min(1).max(99)
			})
			.meta({
				description:
					'The council decision the annex belongs to. Required: the annex head cites its body, date, number and annex number'
			}),
		funding: z
			.strictObject({
				total: nonNegativeMoney,
				eu: nonNegativeMoney,
				council: nonNegativeMoney,
				years: z.array(yearPlan).max(50)
			})
			.meta({
				description:
					'Required: the annex states the budget and its EU and council parts; the years may be empty until they are planned'
			}),
		events: z
			.array(mobilityEvent)
			.max(500)
			.meta({ description: 'The mobility events; may be empty, and then none are printed' }),
		plannedMobilities: z
			.int()
			.min(0)
			.max(100_000)
			.optional()
			.meta({ description: 'The mobilities the project promises; checked against the events' }),
		goal: localText(5000).meta({
			description:
				'Required in Latvian: an annex states at least what the project is for, even when it states nothing more'
		}),
		activities: optionalLocalText(20000).meta({
			description:
				'The activities, one paragraph per line. Optional: many annexes state only the goal'
		}),
		classification: z.array(classificationEntry).max(2000).optional().meta({
			description:
				"The project's own names of economic classification codes, read before the list cofund ships"
		})
	})
	.superRefine((project, ctx) => {
		const years = project.funding.years.map((y) => y.year);
		years.forEach((year, i) => {
			if (years.indexOf(year) !== i)
				ctx.addIssue({
					code: 'custom',
					message: ISSUE.duplicateYear,
					path: ['funding', 'years', i, 'year']
				});
		});
		const numbers = project.events.map((e) => e.number);
		numbers.forEach((number, i) => {
			if (numbers.indexOf(number) !== i)
				ctx.addIssue({
					code: 'custom',
					message: ISSUE.duplicateEvent,
					path: ['events', i, 'number']
				});
		});
		const codes = (project.classification ?? []).map((c) => c.code);
		codes.forEach((code, i) => {
			if (codes.indexOf(code) !== i)
				ctx.addIssue({
					code: 'custom',
					message: ISSUE.duplicateClassification,
					path: ['classification', i, 'code']
				});
		});
	});

/** A checked definition: money in cents. */
export type ProjectDefinition = z.output<typeof projectDefinitionSchema>;
/** A definition as written in a file or a form: money as text. */
export type ProjectDefinitionInput = z.input<typeof projectDefinitionSchema>;
export type Partner = ProjectDefinition['partners'][number];
export type LeadPartner = ProjectDefinition['leadPartner'];
export type YearPlan = ProjectDefinition['funding']['years'][number];
export type MobilityEvent = ProjectDefinition['events'][number];

/** A problem in a definition, at a path such as `funding.years[0].prefinancing`. */
export interface DefinitionIssue {
	path: string;
	/** One of ISSUE, or a zod issue code (`invalid_type`, `too_big`, …). */
	key: string;
	params: Record<string, string | number>;
}

export function pathToString(path: readonly PropertyKey[]): string {
	return path
		.map((part, i) =>
			typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`
		)
		.join('');
}

const KNOWN_KEYS = new Set<string>(Object.values(ISSUE));

function toDefinitionIssue(issue: z.core.$ZodIssue): DefinitionIssue {
	const path = pathToString(issue.path);
	if (KNOWN_KEYS.has(issue.message)) return { path, key: issue.message, params: {} };
	switch (issue.code) {
		case 'invalid_type':
			return issue.input === undefined || issue.input === null
				? { path, key: ISSUE.required, params: {} }
				: { path, key: 'invalid_type', params: { expected: issue.expected } };
		case 'too_small':
			return issue.origin === 'string' && Number(issue.minimum) === 1
				? { path, key: ISSUE.required, params: {} }
				: { path, key: 'too_small', params: { minimum: Number(issue.minimum) } };
		case 'invalid_union':
			// Money is text or a number: a missing amount fails both, and is simply missing.
			return issue.input === undefined
				? { path, key: ISSUE.required, params: {} }
				: { path, key: 'invalid', params: {} };
		case 'too_big':
			return { path, key: 'too_big', params: { maximum: Number(issue.maximum) } };
		case 'unrecognized_keys':
			return { path, key: 'unrecognized_keys', params: { keys: issue.keys.join(', ') } };
		default:
			return { path, key: 'invalid', params: {} };
	}
}

export type DefinitionResult =
	{ ok: true; definition: ProjectDefinition } | { ok: false; issues: DefinitionIssue[] };

/** Checks an untrusted value (a parsed file, a posted form) against the schema. */
export function parseProjectDefinition(value: unknown): DefinitionResult {
	const result = projectDefinitionSchema.safeParse(value);
	if (result.success) return { ok: true, definition: result.data };
	return { ok: false, issues: result.error.issues.map(toDefinitionIssue) };
}
