/** The reasons a deduction can name when the office has not edited the list: codes and LV/EN labels. */
import type { Locale } from '../locale';

export interface ControlReason {
	code: string;
	labelLv: string;
	labelEn: string;
	position: number;
	active: boolean;
}

type DefaultReason = Omit<ControlReason, 'position' | 'active'>;

const DEFAULTS: readonly DefaultReason[] = [
	{
		code: 'no_payment_proof',
		labelLv: 'Nav maksājuma apliecinājuma',
		labelEn: 'No proof of payment'
	},
	{ code: 'no_boarding_pass', labelLv: 'Nav iekāpšanas kartes', labelEn: 'No boarding pass' },
	{
		code: 'outside_period',
		labelLv: 'Ārpus projekta īstenošanas perioda',
		labelEn: 'Outside the project period'
	},
	{ code: 'not_in_plan', labelLv: 'Nav paredzēts plānā', labelEn: 'Not in the plan' },
	{
		code: 'cost_type_ineligible',
		labelLv: 'Izmaksu veids nav attiecināms',
		labelEn: 'Cost type not eligible'
	},
	{ code: 'double_funding', labelLv: 'Dubultā finansēšana', labelEn: 'Double funding' },
	{ code: 'over_cost_limit', labelLv: 'Pārsniegts izmaksu limits', labelEn: 'Over a cost limit' },
	{ code: 'other', labelLv: 'Cits', labelEn: 'Other' }
];

/** The defaults in their order, all active. */
export const DEFAULT_REASONS: readonly ControlReason[] = DEFAULTS.map((r, i) => ({
	...r,
	position: (i + 1) * 10,
	active: true
}));

export function isDefaultReason(code: string): boolean {
	return DEFAULTS.some((r) => r.code === code);
}

/** The stored rows over the defaults: a stored row wins, then all are ordered by position. */
export function mergeReasons(stored: readonly ControlReason[]): ControlReason[] {
	const byCode = new Map(DEFAULT_REASONS.map((r) => [r.code, r]));
	for (const row of stored) byCode.set(row.code, row);
	return [...byCode.values()].sort(
		(a, b) => a.position - b.position || a.code.localeCompare(b.code)
	);
}

export function reasonLabel(reason: Pick<ControlReason, 'labelLv' | 'labelEn'>, locale: Locale) {
	return locale === 'lv' ? reason.labelLv : reason.labelEn;
}

/** A new reason's code from its label: lower-case ASCII words joined by "_", never empty. */
export function reasonCodeFor(label: string, taken: ReadonlySet<string>): string {
	const base =
		label
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '')
			.slice(0, 40) || 'reason';
	let code = base;
	for (let n = 2; taken.has(code); n++) code = `${base}_${n}`;
	return code;
}

/** The list with `code` moved one place up (-1) or down (+1), positions renumbered 10, 20, … */
export function moveReason(
	list: readonly ControlReason[],
	code: string,
	by: -1 | 1
): ControlReason[] {
	const order = [...list];
	const at = order.findIndex((r) => r.code === code);
	const to = at + by;
	if (at >= 0 && to >= 0 && to < order.length) [order[at], order[to]] = [order[to]!, order[at]!];
	return order.map((r, i) => ({ ...r, position: (i + 1) * 10 }));
}
