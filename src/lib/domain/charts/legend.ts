/**
 * Legend swatches that look like what they stand for: a line series gets a short line in its
 * own colour, width and dash; a bar series a box with its own fill and outline. Chart.js's
 * default legend draws every series as a box, and copies a dataset's `borderDash` onto the box
 * even for bars, whose outlines Chart.js always draws solid: the swatch then shows a dash the
 * chart does not. The swatch is a pure function of the dataset, so it is tested without a canvas.
 */
import type { ChartDataset, LegendItem, LegendOptions, ChartType } from 'chart.js';

type Kind = 'bar' | 'line';

/** Only a plain colour string is a colour here; the builders never give gradients or arrays. */
const colour = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
const width = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);

/** The legend item for one dataset of a chart of `kind`. */
export function swatch(
	dataset: ChartDataset<Kind, unknown[]>,
	datasetIndex: number,
	kind: Kind,
	hidden = false
): LegendItem {
	const record = dataset as unknown as Record<string, unknown>;
	const stroke = colour(record.borderColor, colour(record.backgroundColor, '#222222'));
	const fill = colour(record.backgroundColor, stroke);
	const text = dataset.label ?? '';
	if (kind === 'line')
		return {
			text,
			datasetIndex,
			hidden,
			pointStyle: 'line',
			strokeStyle: stroke,
			fillStyle: stroke,
			lineWidth: width(record.borderWidth, 3),
			lineDash: Array.isArray(record.borderDash) ? (record.borderDash as number[]) : [],
			lineCap: 'butt'
		};
	return {
		text,
		datasetIndex,
		hidden,
		pointStyle: 'rect',
		strokeStyle: stroke,
		fillStyle: fill,
		lineWidth: width(record.borderWidth, 0),
		// A bar's outline is solid whatever its dataset says, so its swatch is too.
		lineDash: []
	};
}

/** Legend options for a chart of `kind`: bottom, one swatch per dataset in dataset order. */
export function legendOptions<T extends ChartType>(kind: Kind): Partial<LegendOptions<T>> {
	return {
		position: 'bottom',
		labels: {
			// Lines draw as a line 28 px long; bars as a box, the default.
			...(kind === 'line' ? { usePointStyle: true, pointStyleWidth: 28 } : {}),
			generateLabels: (chart) =>
				chart.data.datasets.map((dataset, index) =>
					swatch(
						dataset as ChartDataset<Kind, unknown[]>,
						index,
						kind,
						!chart.isDatasetVisible(index)
					)
				)
		}
	} as Partial<LegendOptions<T>>;
}
