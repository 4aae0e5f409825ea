/**
 * The auditor's control work as a template reads it (`control_work`): the samples and how each
 * was drawn, each finding with its thread and evidence, and the auditors. The amounts declared,
 * verified, queried, ineligible and eligible are `control` (control-context.ts), not here.
 */
import { z } from 'zod';
import { formatOfficeMoment, officeDate } from '../format';
import type { Locale } from '../locale';
import type { ControlData, ControlExpense, EntryRecord } from './control-records';

const cents = (description: string) => z.int().meta({ description: `${description} (cents)` });
const text = (description: string) => z.string().meta({ description });

const person = z.object({
	name: text('The name, or the e-mail address when no user has it'),
	email: text('The e-mail address'),
	role: text('`auditor`, `admin`, `coordinator`, `council`, or empty')
});

const expenseFields = {
	date: text('The expense date (YYYY-MM-DD)'),
	document: text('The document number'),
	payee: text('The payee'),
	description: text('The description'),
	amount: cents('The declared amount'),
	category: text('The classification code'),
	source: text('The ledger file and line, e.g. ledger.csv:12'),
	reverted: z.boolean().meta({ description: 'Whether its import has been reverted since' })
};

const state = z
	.enum(['unchecked', 'verified', 'queried', 'ineligible'])
	.meta({ description: '`unchecked`, `verified`, `queried` or `ineligible`' });

const evidence = z.object({
	name: text('The file name'),
	size: z.int().meta({ description: 'Its size in bytes' }),
	sha256: text('Its SHA-256')
});

const entry = z.object({
	action: z.enum(['verify', 'query', 'deduct', 'answer', 'close', 'keep', 'clear']).meta({
		description: 'What the entry did: verify, query, deduct, answer, close, keep or clear'
	}),
	state: state,
	by: text('Who wrote it'),
	at: text("When, in the office's time: 24.11.2026. 14:05"),
	text: text('The question, the answer or the note, or empty'),
	deducted: cents('What a deduction took off'),
	reason: text("The reason's label in the document's language, or empty"),
	evidence: z.array(evidence).meta({ description: 'The files it brought' })
});

const finding = z.object({
	...expenseFields,
	state,
	deducted: cents('What is deducted as ineligible'),
	reason_code: text('The reason code, or empty'),
	reason: text("The reason's label in the document's language, or empty"),
	note: text("The auditor's note or open question, or empty"),
	thread: z.array(entry).meta({ description: 'The thread, oldest first' })
});

const sampleItem = z.object({
	position: z.int().meta({ description: 'Its place in the order drawn, from 1' }),
	stratum: text('The stratum it was drawn in, or empty'),
	...expenseFields,
	state,
	deducted: cents('What is deducted as ineligible')
});

const sample = z.object({
	number: z.int().meta({ description: 'The sample number, 1, 2, …' }),
	method: z.enum(['random', 'mus']).meta({ description: '`random` or `mus` (monetary-unit)' }),
	strata: z
		.enum(['none', 'year', 'category', 'event'])
		.meta({ description: '`none`, `year`, `category` or `event`' }),
	size: z.int().meta({ description: 'How many rows were asked for' }),
	seed: text('The seed'),
	interval: cents('The monetary-unit interval, or 0 when not recorded or not MUS'),
	generator: text('The random generator and its version, or empty'),
	filter: text('The population filter as recorded (from, to, years, codes, events), or empty'),
	population: z
		.object({
			rows: z.int().meta({ description: 'Rows' }),
			total: cents('Their sum'),
			sha256: text('SHA-256 over its rows')
		})
		.meta({ description: 'The population it was drawn from' }),
	drawn_by: text('Who drew it'),
	drawn_at: text("When, in the office's time"),
	checked: z.int().meta({ description: 'Items with a finding' }),
	items: z.array(sampleItem).meta({ description: 'The rows drawn, in the order drawn' })
});

export const controlWorkSchema = z.object({
	period: z
		.object({
			start: text('The first day of the control (YYYY-MM-DD), or empty'),
			end: text('The last day of the control (YYYY-MM-DD), or empty')
		})
		.meta({ description: "The days of the auditors' findings and samples" }),
	auditor: person.meta({ description: 'The auditor who acted last (empty when none)' }),
	auditors: z
		.array(person)
		.meta({ description: 'Everyone who recorded a finding or drew a sample' }),
	samples: z.array(sample).meta({ description: 'The samples, by number' }),
	sample_items: z
		.array(sampleItem.extend({ sample: z.int().meta({ description: 'The sample number' }) }))
		.meta({ description: "Every sample's items in one list, by sample and position" }),
	findings: z
		.array(finding)
		.meta({ description: 'Each expense with a finding or a thread, by date' })
});

export type ControlWorkContext = z.infer<typeof controlWorkSchema>;

const record = (value: unknown): Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};

/** The generator as a sample recorded it: `xoroshiro128+, pure-rand 8.4.2, v1`. */
function generatorText(params: unknown): string {
	const g = record(params).generator;
	if (typeof g === 'string') return g;
	const r = record(g);
	if (typeof r.algorithm !== 'string') return '';
	const parts = [r.algorithm];
	if (typeof r.library === 'string')
		parts.push(
			`${r.library} ${typeof r.libraryVersion === 'string' ? r.libraryVersion : ''}`.trim()
		);
	if (typeof r.version === 'number' || typeof r.version === 'string') parts.push(`v${r.version}`);
	return parts.join(', ');
}

function filterText(params: unknown): string {
	const f = record(record(params).filter);
	return Object.keys(f)
		.sort()
		.filter((k) => f[k] !== undefined && !(Array.isArray(f[k]) && (f[k] as unknown[]).length === 0))
		.map((k) => `${k}: ${Array.isArray(f[k]) ? (f[k] as unknown[]).join(', ') : String(f[k])}`)
		.join('; ');
}

function intervalOf(s: ControlData['samples'][number]): number {
	if (s.method !== 'mus') return 0;
	const recorded = record(s.params).interval;
	if (typeof recorded === 'number') return recorded;
	// As the draw records it: each stratum's systematic pass (cents over selections).
	const strata = record(s.params).strata;
	if (Array.isArray(strata) && strata.length === 1) {
		const pass = record(record(strata[0]).pass);
		if (
			typeof pass.cents === 'number' &&
			typeof pass.selections === 'number' &&
			pass.selections > 0
		)
			return Math.floor(pass.cents / pass.selections);
	}
	// Not recorded: the one interval of an unstratified draw, the population over the size.
	return s.strata === 'none' && s.size > 0 ? Math.floor(s.population.cents / s.size) : 0;
}

interface Lookups {
	lang: Locale;
	expense: (key: string) => ControlExpense;
	person: (email: string) => z.infer<typeof person>;
	reason: (code: string | null) => string;
	finding: (key: string) => { state: z.infer<typeof state>; deducted: number };
}

function lookups(control: ControlData, lang: Locale): Lookups {
	const expenses = new Map(control.expenses.map((e) => [e.key, e]));
	const people = new Map(control.people.map((p) => [p.email, p]));
	const reasons = new Map(control.reasons.map((r) => [r.code, r]));
	const findings = new Map(control.findings.map((f) => [f.expense, f]));
	return {
		lang,
		expense: (key) => expenses.get(key)!,
		person: (email) => {
			const p = people.get(email);
			return { name: p?.name ?? email, email, role: p?.role ?? '' };
		},
		reason: (code) => {
			if (code === null) return '';
			const r = reasons.get(code);
			return r ? (lang === 'en' ? r.en || r.lv : r.lv) : code;
		},
		finding: (key) => {
			const f = findings.get(key);
			return { state: f?.state ?? 'unchecked', deducted: f?.deducted ?? 0 };
		}
	};
}

const expenseOf = (e: ControlExpense) => ({
	date: e.date,
	document: e.document,
	payee: e.payee,
	description: e.description,
	amount: e.cents,
	category: e.category,
	source: `${e.file}:${e.line}`,
	reverted: e.reverted
});

const moment = (iso: string, lang: Locale) => formatOfficeMoment(new Date(iso), lang);

type Entry = z.infer<typeof entry>;
const entryOf = (e: EntryRecord, l: Lookups): Entry => ({
	action: e.action,
	state: e.state ?? 'unchecked',
	by: l.person(e.by).name,
	at: moment(e.at, l.lang),
	text: e.text ?? '',
	deducted: e.deducted,
	reason: l.reason(e.reason),
	evidence: e.evidence
});

function sampleOf(s: ControlData['samples'][number], l: Lookups) {
	const items = s.items.map((i) => ({
		position: i.position,
		stratum: i.stratum,
		...expenseOf(l.expense(i.expense)),
		...l.finding(i.expense)
	}));
	return {
		number: s.number,
		method: s.method,
		strata: s.strata,
		size: s.size,
		seed: s.seed,
		interval: intervalOf(s),
		generator: generatorText(s.params),
		filter: filterText(s.params),
		population: { rows: s.population.rows, total: s.population.cents, sha256: s.population.sha256 },
		drawn_by: l.person(s.drawnBy).name,
		drawn_at: moment(s.drawnAt, l.lang),
		checked: items.filter((i) => i.state !== 'unchecked').length,
		items
	};
}

/** What the auditors did, and when: every entry but a coordinator's answer, and every draw. */
function auditorActs(control: ControlData): { by: string; at: string }[] {
	return [
		...control.findings.flatMap((f) => f.entries.filter((e) => e.action !== 'answer')),
		...control.samples.map((s) => ({ by: s.drawnBy, at: s.drawnAt }))
	].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export function controlWorkContext(control: ControlData, lang: Locale): ControlWorkContext {
	const l = lookups(control, lang);
	const acts = auditorActs(control);
	const last = acts.at(-1);
	const samples = control.samples.map((s) => sampleOf(s, l));
	const auditors = [...new Set(acts.map((a) => a.by))]
		.map(l.person)
		.sort((a, b) => a.name.localeCompare(b.name, lang));
	return {
		period: {
			start: acts[0] ? officeDate(acts[0].at) : '',
			end: last ? officeDate(last.at) : ''
		},
		auditor: last ? l.person(last.by) : { name: '', email: '', role: '' },
		auditors,
		samples,
		sample_items: samples.flatMap((s) => s.items.map((i) => ({ sample: s.number, ...i }))),
		findings: control.findings.map((f) => ({
			...expenseOf(l.expense(f.expense)),
			state: f.state ?? 'unchecked',
			deducted: f.deducted,
			reason_code: f.reason ?? '',
			reason: l.reason(f.reason),
			note: f.note ?? '',
			thread: f.entries.map((e) => entryOf(e, l))
		}))
	};
}
