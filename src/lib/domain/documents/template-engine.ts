/**
 * The Liquid engine that fills a template's text, one per document language. It is sandboxed:
 * no file is ever read (include, render and layout are refused, and the engine is given an empty
 * in-memory file set), only own properties of the data are visible, unknown fields and filters
 * are errors, and every context of one document draws on one `RenderBudget`: a range longer than
 * the loops left is refused before it is built, every loop iteration and every character written
 * is counted, and the clock is checked at every node. The filters print money, dates, months,
 * periods and decision dates exactly as `../format` does on the web page.
 */
import {
	Context,
	evalToken,
	ForTag,
	Liquid,
	TablerowTag,
	toValue,
	TypeGuards,
	type Emitter,
	type Template,
	type Token
} from 'liquidjs';
import { countryName } from '../countries';
import {
	formatDate,
	formatDecisionDate,
	formatDecisionDay,
	formatInteger,
	formatMoney,
	formatMonth,
	formatPercent,
	formatSignedMoney,
	formatSignedPercent,
	formatPeriod
} from '../format';
import type { Locale } from '../locale';
import { RENDER_LIMITS, RenderBudget } from './render-budget';

/** Every filter a template may use beyond Liquid's standard ones; the field reference lists these. */
export const FILTERS: Record<string, { usage: string; example: string; result: string }> = {
	money: {
		usage: 'cents | money — an amount with its currency; `money: 2` always shows the cents',
		example: '{{ funding.total | money }}',
		result: '4160 EUR'
	},
	date: {
		usage: 'date | date — a plain date',
		example: '{{ project.start | date }}',
		result: '01.01.2018.'
	},
	decision_date: {
		usage: 'date | decision_date — a decision date, in the Latvian genitive',
		example: '{{ decision.date | decision_date }}',
		result: '2018.gada 22.februāra'
	},
	decision_day: {
		usage: 'date | decision_day — the day a decision is dated, in the Latvian locative',
		example: '{{ decision.date | decision_day }}',
		result: '2018.gada 22.februārī'
	},
	month: {
		usage: 'month | month — a month (YYYY-MM)',
		example: '{{ event.month | month }}',
		result: '03.2018.'
	},
	period: {
		usage: 'start | period: end — a period between two dates',
		example: '{{ project.start | period: project.end }}',
		result: '01.01.2018. – 15.11.2019.'
	},
	percent: {
		usage: 'share | percent — a share as a percentage',
		example: '{{ mobility.share | percent }}',
		result: '93,3%'
	},
	integer: {
		usage: "number | integer — a count with the language's grouping",
		example: '{{ expenses.count | integer }}',
		result: '10 000'
	},
	plural: {
		usage: 'n | plural: "one", "other", "zero" — the word that goes with a count',
		example: '{{ event.representatives | plural: "pārstāvis", "pārstāvji", "pārstāvju" }}',
		result: 'pārstāvji'
	},
	local: {
		usage: "text | local — a two-language text in the document's language",
		example: '{{ project.title | local }}',
		result: 'Vietējās solidaritātes – globālās solidaritātes tīkls'
	},
	country: {
		usage: 'code | country — a country code as a name',
		example: '{{ event.country | country }}',
		result: 'Beļģija'
	},
	signed: {
		usage: 'cents | signed — an amount with its sign, for variances',
		example: '{{ year.variance | signed }}',
		result: '−15,50 EUR'
	},
	signed_percent: {
		usage: 'ratio | signed_percent — a variance in per cent with its sign',
		example: '{{ year.variance_ratio | signed_percent }}',
		result: '−0,5%'
	}
};

/** Tags that would read other files: a template is one file, so they are refused by name. */
const REFUSED_TAGS = ['include', 'render', 'layout', 'block'];

export class TemplateSandboxError extends Error {
	constructor(readonly tag: string) {
		super(`{% ${tag} %} is not allowed: a template cannot read other files`);
	}
}

const refused = (tag: string): Parameters<Liquid['registerTag']>[1] => ({
	parse() {
		throw new TemplateSandboxError(tag);
	},
	render() {}
});

function asNumber(value: unknown, filter: string): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number))
		throw new TypeError(`${filter} needs a number, got ${JSON.stringify(value) ?? 'nothing'}`);
	return number;
}

function asText(value: unknown, filter: string): string {
	if (typeof value !== 'string')
		throw new TypeError(`${filter} needs text, got ${JSON.stringify(value)}`);
	return value;
}

/**
 * Liquid's own limits, for a context made without a document budget; a document's contexts
 * replace the time and memory limiters with the budget's, which all of them share.
 */
const LIMITS = {
	parseLimit: 1_000_000,
	renderLimit: RENDER_LIMITS.timeMs,
	memoryLimit: RENDER_LIMITS.characters
};

type Limiter = Context['renderLimit'];

/** A Liquid context that spends from `budget`, as do all contexts given the same budget. */
export function budgetedContext(scope: object, engine: Liquid, budget: RenderBudget): Context {
	return new Context(
		scope,
		engine.options,
		{},
		{
			renderLimit: budget.timeLimiter as unknown as Limiter,
			memoryLimit: budget.sizeLimiter as unknown as Limiter
		}
	);
}

const budgetOf = (ctx: Context): RenderBudget | undefined =>
	(ctx.memoryLimit as unknown as Partial<RenderBudget['sizeLimiter']>).budget;

/** The bodies of loops: rendering one of them is one iteration. */
const loopBodies = new WeakSet<Template[]>();

/** The range a loop runs over, when it is written as one: `(1..n)`, or `(1..n) | reverse`. */
function rangeOf(token: Token) {
	if (TypeGuards.isRangeToken(token)) return token;
	const initial = (token as { initial?: { postfix?: Token[] } }).initial?.postfix;
	return initial?.length === 1 && TypeGuards.isRangeToken(initial[0]) ? initial[0] : undefined;
}

/** Refuses a range longer than the iterations left, before Liquid builds it as an array. */
function* guardRange(token: Token, ctx: Context): Generator<unknown, void, unknown> {
	const budget = budgetOf(ctx);
	const range = rangeOf(token);
	if (!budget || !range) return;
	const low = Number(toValue(yield evalToken(range.lhs, ctx)));
	const high = Number(toValue(yield evalToken(range.rhs, ctx)));
	budget.checkLoop(high - low + 1);
}

/** Liquid's `for`, bounded: its range is checked first and each pass counts as an iteration. */
class BoundedFor extends ForTag {
	constructor(...args: ConstructorParameters<typeof ForTag>) {
		super(...args);
		loopBodies.add(this.templates);
	}
	override *render(ctx: Context, emitter: Emitter) {
		yield* guardRange(this.collection, ctx);
		return yield* super.render(ctx, emitter);
	}
}

class BoundedTablerow extends TablerowTag {
	constructor(...args: ConstructorParameters<typeof TablerowTag>) {
		super(...args);
		loopBodies.add(this.templates);
	}
	override *render(ctx: Context, emitter: Emitter) {
		yield* guardRange(this.collection, ctx);
		yield* super.render(ctx, emitter);
	}
}

/** Liquid's way of writing a value (liquidjs keeps its own `stringify` private). */
function stringify(value: unknown): string {
	const v = toValue(value);
	if (typeof v === 'string') return v;
	if (v === null || v === undefined) return '';
	if (Array.isArray(v)) return v.map(stringify).join('');
	return String(v);
}

/** Collects a text as Liquid does, counting each character against the budget first. */
class BudgetEmitter implements Emitter {
	buffer = '';
	constructor(private readonly budget: RenderBudget) {}
	write(html: unknown): void {
		const text = stringify(html);
		this.budget.build(text.length);
		this.buffer += text;
	}
}

/**
 * Every text Liquid renders, a captured one included, is written through a counting emitter,
 * and each pass of a loop body is an iteration; the budget comes with the context.
 */
function countRendering(engine: Liquid): void {
	const renderer = engine.renderer;
	const renderTemplates = renderer.renderTemplates.bind(renderer);
	renderer.renderTemplates = function* (templates, ctx, emitter) {
		const budget = budgetOf(ctx);
		if (budget && loopBodies.has(templates)) budget.iterate(1);
		return yield* renderTemplates(templates, ctx, emitter ?? (budget && new BudgetEmitter(budget)));
	};
}

export function createTemplateEngine(lang: Locale, currency = 'EUR'): Liquid {
	const engine = new Liquid({
		strictVariables: true,
		strictFilters: true,
		ownPropertyOnly: true,
		templates: {},
		relativeReference: false,
		dynamicPartials: false,
		jsTruthy: false,
		...LIMITS
	});
	for (const tag of REFUSED_TAGS) engine.registerTag(tag, refused(tag));
	engine.registerTag('for', BoundedFor);
	engine.registerTag('tablerow', BoundedTablerow);
	countRendering(engine);
	const plural = new Intl.PluralRules(lang === 'lv' ? 'lv' : 'en-GB');

	engine.registerFilter('money', (cents: unknown, decimals?: unknown) =>
		formatMoney(asNumber(cents, 'money'), lang, {
			currency,
			decimals: decimals === undefined ? 'auto' : 'always'
		})
	);
	engine.registerFilter('signed', (cents: unknown) =>
		formatSignedMoney(asNumber(cents, 'signed'), lang, currency)
	);
	engine.registerFilter('signed_percent', (ratio: unknown) =>
		formatSignedPercent(asNumber(ratio, 'signed_percent'), lang)
	);
	engine.registerFilter('date', (iso: unknown) => formatDate(asText(iso, 'date'), lang));
	engine.registerFilter('decision_date', (iso: unknown) =>
		formatDecisionDate(asText(iso, 'decision_date'), lang)
	);
	engine.registerFilter('decision_day', (iso: unknown) =>
		formatDecisionDay(asText(iso, 'decision_day'), lang)
	);
	engine.registerFilter('month', (iso: unknown) => formatMonth(asText(iso, 'month'), lang));
	engine.registerFilter('period', (start: unknown, end: unknown) =>
		formatPeriod(asText(start, 'period'), asText(end, 'period'), lang)
	);
	engine.registerFilter('percent', (share: unknown) =>
		formatPercent(asNumber(share, 'percent'), lang)
	);
	engine.registerFilter('integer', (n: unknown) => formatInteger(asNumber(n, 'integer'), lang));
	engine.registerFilter('plural', (n: unknown, one: unknown, other: unknown, zero?: unknown) => {
		const category = plural.select(asNumber(n, 'plural'));
		const word =
			category === 'one' ? one : category === 'zero' && zero !== undefined ? zero : other;
		return asText(word, 'plural');
	});
	engine.registerFilter('local', (text: unknown) => {
		if (typeof text === 'string') return text;
		if (text && typeof text === 'object' && lang in text) {
			const local = (text as Record<string, unknown>)[lang];
			const other = (text as Record<string, unknown>)[lang === 'lv' ? 'en' : 'lv'];
			return typeof local === 'string' && local ? local : typeof other === 'string' ? other : '';
		}
		throw new TypeError('local needs a two-language text such as project.title');
	});
	engine.registerFilter('country', (code: unknown) => countryName(asText(code, 'country'), lang));
	return engine;
}
