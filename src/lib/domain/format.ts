/**
 * Latvian and English forms of money, counts, percentages, variances, dates, months, periods and
 * council decision dates, exactly as the council annex writes them (`4160 EUR`,
 * `01.01.2018. – 15.11.2019.`, `03.2018.`, `2018.gada 22.februāra`): the one place that writes a
 * number for a person. Intl does the grouping and the English names; the Latvian genitive months
 * are written out because Intl only knows the nominative. A negative number is written with the
 * minus sign U+2212 (`−12,50 EUR`), never the hyphen-minus Intl gives in `lv` and `en-GB`, so a
 * page, a PDF and a CSV's text write it one way. Machine forms (`--json`, decimal strings,
 * numeric CSV cells) are not written here: they keep the ASCII `-` that parsers read.
 */
import type { Cents } from './money';
import type { Locale } from './locale';

const NUMBER_TAG: Record<Locale, string> = { lv: 'lv', en: 'en-GB' };

/** Genitive month names, as in "22.februāra"; Intl gives only "februāris". */
const LV_MONTHS_GENITIVE = [
	'janvāra',
	'februāra',
	'marta',
	'aprīļa',
	'maija',
	'jūnija',
	'jūlija',
	'augusta',
	'septembra',
	'oktobra',
	'novembra',
	'decembra'
] as const;

/** Locative month names, as a decision is dated "2018.gada 22.februārī". */
const LV_MONTHS_LOCATIVE = [
	'janvārī',
	'februārī',
	'martā',
	'aprīlī',
	'maijā',
	'jūnijā',
	'jūlijā',
	'augustā',
	'septembrī',
	'oktobrī',
	'novembrī',
	'decembrī'
] as const;

/**
 * Intl formatters are costly to make and cheap to use: a report's 10,000-row appendix formats
 * 10,000 amounts, and a portfolio page hundreds of shares, so each locale and set of options gets
 * one formatter, made on first use.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
function formatterFor(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${locale}:${JSON.stringify(options)}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(NUMBER_TAG[locale], options);
		numberFormats.set(key, format);
	}
	return format;
}

function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
	return formatterFor(locale, {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits,
		signDisplay: 'negative'
	});
}

/** The minus sign every number for people is written with (U+2212). */
export const MINUS = '\u2212';

/**
 * Intl's text for a number, with its minus sign (a hyphen-minus in `lv` and `en-GB`) as U+2212.
 * The formats show a sign only below zero (`signDisplay: 'negative'`), so −0,004 is `0`, not `-0`.
 */
function written(format: Intl.NumberFormat, value: number): string {
	if (!(value < 0)) return format.format(value);
	return format
		.formatToParts(value)
		.map((part) => (part.type === 'minusSign' ? MINUS : part.value))
		.join('');
}

export interface MoneyFormat {
	/** `auto` leaves out ",00" on whole amounts, as the annex does; `always` suits columns. */
	decimals?: 'auto' | 'always';
	currency?: string;
}

/** The no-break space (U+00A0) between an amount and its currency. */
export const NBSP = '\u00a0';

/**
 * `4160 EUR`, `41 012,50 EUR` (NBSP groups from five digits up, CLDR lv), `−190,50 EUR`;
 * `41,012.50 EUR` in English. The amount and its currency are joined by a no-break space, so a
 * line never breaks between `670` and `EUR`, on a page or in a PDF. CSV cells do not come here:
 * their amounts are plain numbers and the currency is in the column's header (csv-export.ts).
 */
export function formatMoney(cents: Cents, locale: Locale, options: MoneyFormat = {}): string {
	const digits = options.decimals === 'always' || cents % 100 !== 0 ? 2 : 0;
	const number = written(numberFormat(locale, digits), cents / 100);
	return `${number}${NBSP}${options.currency ?? 'EUR'}`;
}

/**
 * A variance, signed both ways so that over and under read apart: `+12,50 EUR`, `−12,50 EUR`,
 * `0,00 EUR`. Always with cents, as the columns it stands in are.
 */
export function formatSignedMoney(cents: Cents, locale: Locale, currency = 'EUR'): string {
	const sign = cents > 0 ? '+' : cents < 0 ? MINUS : '';
	return sign + formatMoney(Math.abs(cents), locale, { currency, decimals: 'always' });
}

/** A plain count with the locale's grouping. */
export function formatInteger(value: number, locale: Locale): string {
	return written(
		formatterFor(locale, { maximumFractionDigits: 0, signDisplay: 'negative' }),
		value
	);
}

/** A measure with at most `digits` decimals: `4,1` / `4.1` (file sizes, say). */
export function formatDecimal(value: number, locale: Locale, digits: number): string {
	return written(
		formatterFor(locale, { maximumFractionDigits: digits, signDisplay: 'negative' }),
		value
	);
}

const percent = (ratio: number, locale: Locale, signDisplay: 'negative' | 'exceptZero') =>
	written(formatterFor(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay }), ratio);

/** A share as a percentage: `93,5%` / `93.5%`, `−12,5%` below zero. */
export const formatPercent = (ratio: number, locale: Locale) => percent(ratio, locale, 'negative');

/** A variance in per cent, signed either way as money variances are: `+3,8%`, `−0,5%`, `0%`. */
export const formatSignedPercent = (ratio: number, locale: Locale) =>
	percent(ratio, locale, 'exceptZero');

interface DateParts {
	year: number;
	month: number;
	day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** Splits a plain ISO date; a plain date has no time zone, so none is ever applied. */
export function parseIsoDate(iso: string): DateParts | null {
	const match = ISO_DATE.exec(iso);
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const check = new Date(Date.UTC(year, month - 1, day));
	const real =
		check.getUTCFullYear() === year &&
		check.getUTCMonth() === month - 1 &&
		check.getUTCDate() === day;
	return real ? { year, month, day } : null;
}

export function parseIsoMonth(iso: string): Omit<DateParts, 'day'> | null {
	const match = ISO_MONTH.exec(iso);
	if (!match) return null;
	const [year, month] = [Number(match[1]), Number(match[2])];
	return month >= 1 && month <= 12 ? { year, month } : null;
}

function requireDate(iso: string): DateParts {
	const parts = parseIsoDate(iso);
	if (!parts) throw new RangeError(`Not a date (YYYY-MM-DD): ${iso}`);
	return parts;
}

function requireMonth(iso: string): Omit<DateParts, 'day'> {
	const parts = parseIsoMonth(iso);
	if (!parts) throw new RangeError(`Not a month (YYYY-MM): ${iso}`);
	return parts;
}

const pad = (n: number) => String(n).padStart(2, '0');

const englishDates = {
	long: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
	medium: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })
};

function englishDate({ year, month, day }: DateParts, style: 'long' | 'medium'): string {
	return englishDates[style].format(new Date(Date.UTC(year, month - 1, day)));
}

/** `01.01.2018.` / `1 Jan 2018`. */
export function formatDate(iso: string, locale: Locale): string {
	const parts = requireDate(iso);
	if (locale === 'lv') return `${pad(parts.day)}.${pad(parts.month)}.${parts.year}.`;
	return englishDate(parts, 'medium');
}

/** `01.01.2018. – 15.11.2019.` / `1 January 2018 – 15 November 2019`. */
export function formatPeriod(start: string, end: string, locale: Locale): string {
	return periodEnds(start, end, locale).join(' – ');
}

/** The period's two dates as formatPeriod writes them, for a table that keeps each on one line. */
export function periodEnds(start: string, end: string, locale: Locale): [string, string] {
	if (locale === 'lv') return [formatDate(start, 'lv'), formatDate(end, 'lv')];
	return [englishDate(requireDate(start), 'long'), englishDate(requireDate(end), 'long')];
}

const ENGLISH_MONTH = new Intl.DateTimeFormat('en-GB', {
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});

/** `03.2018.` / `March 2018`. */
export function formatMonth(iso: string, locale: Locale): string {
	const { year, month } = requireMonth(iso);
	if (locale === 'lv') return `${pad(month)}.${year}.`;
	return ENGLISH_MONTH.format(new Date(Date.UTC(year, month - 1, 1)));
}

/** `2018.gada 22.februāra` (the annex header's genitive) / `22 February 2018`. */
export function formatDecisionDate(iso: string, locale: Locale): string {
	const parts = requireDate(iso);
	if (locale === 'en') return englishDate(parts, 'long');
	return `${parts.year}.gada ${parts.day}.${LV_MONTHS_GENITIVE[parts.month - 1]}`;
}

/** `2018.gada 22.februārī` (the day a decision is dated, in the locative) / `22 February 2018`. */
export function formatDecisionDay(iso: string, locale: Locale): string {
	const parts = requireDate(iso);
	if (locale === 'en') return englishDate(parts, 'long');
	return `${parts.year}.gada ${parts.day}.${LV_MONTHS_LOCATIVE[parts.month - 1]}`;
}

/** The office's clock: stored moments are shown as Riga reads them, on the server and in any browser. */
const OFFICE_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' });
const OFFICE_TIME = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Riga',
	hour: '2-digit',
	minute: '2-digit'
});

/**
 * The office's today, `YYYY-MM-DD` as Riga reads the clock: at 23:30 UTC in winter (UTC+2) or
 * at 21:30 UTC in summer (UTC+3) it is already tomorrow there. Every "today" (future-dated
 * rows, a document's default date, overdue events) is this one, never the UTC date.
 */
export function officeToday(now: Date = new Date()): string {
	return OFFICE_DAY.format(now);
}

/** The office's current month, `YYYY-MM`: the month of `officeToday`. */
export function officeMonth(now: Date = new Date()): string {
	return officeToday(now).slice(0, 7);
}

/** The office's date of a stored moment, `YYYY-MM-DD`. */
export const officeDate = (moment: Date | string): string => OFFICE_DAY.format(new Date(moment));

const OFFICE_CLOCK = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Riga',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** How far Riga's wall clock is ahead of UTC at a moment, in milliseconds. */
function officeOffset(moment: number): number {
	const part = (type: string, parts: Intl.DateTimeFormatPart[]) =>
		Number(parts.find((p) => p.type === type)?.value);
	const parts = OFFICE_CLOCK.formatToParts(moment);
	const wall = Date.UTC(
		part('year', parts),
		part('month', parts) - 1,
		part('day', parts),
		part('hour', parts),
		part('minute', parts),
		part('second', parts)
	);
	return wall - Math.floor(moment / 1000) * 1000;
}

/**
 * The moment an office day begins (midnight in Riga), for filters over stored moments. Riga
 * changes its clock at 01:00 UTC, so the offset at 00:00 UTC is the one its midnight had.
 */
export function officeDayStart(iso: string): Date {
	const { year, month, day } = requireDate(iso);
	const midnightUtc = Date.UTC(year, month - 1, day);
	return new Date(midnightUtc - officeOffset(midnightUtc));
}

/** `24.11.2026. 23:53` / `24 Nov 2026 23:53`: a stored moment in Riga time. */
export function formatOfficeMoment(moment: Date, locale: Locale): string {
	return `${formatDate(OFFICE_DAY.format(moment), locale)} ${OFFICE_TIME.format(moment)}`;
}

/** The twelve month names as a heading or a choice writes them: `janvāris` / `January`. */
export function monthNames(locale: Locale): string[] {
	const names = new Intl.DateTimeFormat(locale === 'lv' ? 'lv-LV' : 'en-GB', {
		month: 'long',
		timeZone: 'UTC'
	});
	return Array.from({ length: 12 }, (_, i) => names.format(new Date(Date.UTC(2000, i, 1))));
}
