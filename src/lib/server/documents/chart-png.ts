/**
 * Draws a Chart.js config to PNG on the server with @napi-rs/canvas: the dashboard's own chart
 * configs, made static (no animation, no resizing) and drawn at twice the printed size so that
 * they stay sharp on paper. Text is drawn in Roboto, the face of the PDF around it.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { robotoPath } from './render-pdf';

let ready = false;

/** PNGs are transparent by default; paper is white. */
const WHITE_BACKGROUND = {
	id: 'white-background',
	beforeDraw(chart: Chart) {
		const { ctx } = chart;
		ctx.save();
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, chart.width, chart.height);
		ctx.restore();
	}
};

function setUp() {
	if (ready) return;
	Chart.register(...registerables);
	GlobalFonts.registerFromPath(robotoPath('Roboto-Regular.ttf'), 'Roboto');
	GlobalFonts.registerFromPath(robotoPath('Roboto-Medium.ttf'), 'Roboto Medium');
	Chart.defaults.font.family = 'Roboto';
	Chart.defaults.color = '#222222';
	Chart.defaults.font.size = 9;
	ready = true;
}

/** Draws at `scale` pixels per point; the PDF prints it `width` × `height` points. */
export function chartPng(
	config: ChartConfiguration<'bar' | 'line', unknown[], string>,
	width: number,
	height: number,
	scale = 3
): Buffer {
	setUp();
	// Chart.js multiplies the canvas by devicePixelRatio itself; it is created at print size.
	const canvas = createCanvas(Math.round(width), Math.round(height));
	const context = canvas.getContext('2d');
	const options = config.options ?? {};
	const chart = new Chart(
		context as unknown as CanvasRenderingContext2D,
		{
			...config,
			options: {
				...options,
				animation: false,
				responsive: false,
				maintainAspectRatio: false,
				devicePixelRatio: scale,
				events: [],
				plugins: {
					...options.plugins,
					tooltip: { enabled: false },
					// On paper a line's legend is a short line, not a dashed box.
					...(config.type === 'line'
						? {
								legend: {
									...options.plugins?.legend,
									labels: { usePointStyle: true, pointStyle: 'line', pointStyleWidth: 28 }
								}
							}
						: {})
				}
			},
			plugins: [WHITE_BACKGROUND]
		} as ChartConfiguration<'bar' | 'line', unknown[], string>
	);
	try {
		return canvas.toBuffer('image/png');
	} finally {
		chart.destroy();
	}
}
