/** A sample in words, LV and EN: how it was drawn, its population, its rows' states and a redraw's check. */
import type { PopulationFilter } from '$lib/domain/control/sample-population';
import { formatDate, formatMoney } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';
import type { RedrawCheck, SampleRecord } from '$lib/server/control/samples';
import { strataLabel } from './sample-labels';

export { methodLabel, stateLabel, strataLabel } from './sample-labels';

type Say = { locale: Locale };

function filterText(filter: PopulationFilter, locale: Locale): string | null {
	const parts = [
		filter.from || filter.to
			? `${filter.from ? formatDate(filter.from, locale) : '…'} – ${filter.to ? formatDate(filter.to, locale) : '…'}`
			: null,
		filter.years?.length ? filter.years.join(', ') : null,
		filter.codes?.length ? filter.codes.join(', ') : null,
		filter.events?.length ? filter.events.join(', ') : null
	].filter((p): p is string => p !== null);
	return parts.length ? parts.join('; ') : null;
}

export type SampleShape = Pick<
	SampleRecord,
	| 'method'
	| 'strata'
	| 'size'
	| 'seed'
	| 'params'
	| 'populationRows'
	| 'populationCents'
	| 'populationSha256'
>;

/** The method as a report states it: enough for anyone to draw the same rows again. */
export function howDrawn(sample: SampleShape, locale: Locale): string[] {
	const say: Say = { locale };
	const { size, params } = sample;
	const lines = [
		sample.method === 'mus'
			? m.sample_how_mus({ size, excluded: params.excluded.rows }, say)
			: m.sample_how_random({ size }, say)
	];
	if (sample.strata !== 'none')
		lines.push(m.sample_how_strata({ strata: strataLabel(sample.strata, locale) }, say));
	const filter = filterText(params.filter, locale);
	if (filter) lines.push(m.sample_how_filter({ filter }, say));
	const g = params.generator;
	lines.push(
		m.sample_how_generator(
			{ algorithm: g.algorithm, library: g.library, version: g.libraryVersion, seed: sample.seed },
			say
		)
	);
	return lines;
}

export function populationText(
	p: { rows: number; cents: number; sha256: string },
	locale: Locale
): string {
	const total = formatMoney(p.cents, locale);
	return m.sample_population({ rows: p.rows, total, sha256: p.sha256 }, { locale });
}

/** The check after a redraw, with rows named by `name` (a document number, say). */
export function redrawText(
	check: RedrawCheck,
	locale: Locale,
	name: (id: number) => string = String
): string[] {
	const say: Say = { locale };
	const same = check.missing.length === 0 && check.added.length === 0;
	const rows = check.identical
		? m.sample_redraw_identical({ count: check.drawn.length }, say)
		: same
			? m.sample_redraw_order({}, say)
			: m.sample_redraw_differs(
					{
						missing: check.missing.map(name).join(', ') || '—',
						added: check.added.map(name).join(', ') || '—'
					},
					say
				);
	const { rows: count, cents, sha256 } = check.population;
	const population = check.populationChanged
		? m.sample_redraw_population_changed(
				{ rows: count, total: formatMoney(cents, locale), sha256 },
				say
			)
		: m.sample_redraw_population_same({}, say);
	return [rows, population];
}
