/**
 * Draws a Chart.js config to an image on the server with @napi-rs/canvas: the dashboard's own
 * chart configs, made static (no animation, no resizing) and drawn at three times the printed
 * size so that they stay sharp on paper. Text is drawn in Roboto, the face of the PDF around it.
 * The image is an RGB PNG on white, written here from the canvas's pixels: the canvas encodes
 * PNGs with an alpha channel, which pdfkit decodes and splits in JavaScript (90 ms a chart in a
 * report), whereas an RGB PNG's compressed data goes into the PDF as it is. JPEG would embed as
 * fast but greys the white around the chart.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { crc32, deflateSync } from 'node:zlib';
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

function chunk(type: string, body: Buffer): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(body.length, 0);
	head.write(type, 4, 'latin1');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
	return Buffer.concat([head, body, crc]);
}

/** An 8-bit RGB PNG of opaque RGBA pixels: every row unfiltered, the whole deflated once. */
export function rgbPng(rgba: Uint8ClampedArray, width: number, height: number): Buffer {
	const rows = Buffer.alloc((width * 3 + 1) * height);
	for (let y = 0, at = 0; y < height; y++) {
		rows[at++] = 0;
		for (let x = 0, from = y * width * 4; x < width; x++, from += 4) {
			rows[at++] = rgba[from]!;
			rows[at++] = rgba[from + 1]!;
			rows[at++] = rgba[from + 2]!;
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows, { level: 6 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

/** Draws at `scale` pixels per point; the PDF prints it `width` × `height` points. */
export function chartImage(
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
				// The legend comes from the config (charts/legend.ts), as on the dashboard.
				plugins: { ...options.plugins, tooltip: { enabled: false } }
			},
			plugins: [WHITE_BACKGROUND]
		} as ChartConfiguration<'bar' | 'line', unknown[], string>
	);
	try {
		const { data, width: w, height: h } = context.getImageData(0, 0, canvas.width, canvas.height);
		return rgbPng(data, w, h);
	} finally {
		chart.destroy();
	}
}
