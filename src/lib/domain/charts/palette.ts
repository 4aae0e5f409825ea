/**
 * Chart colours from the Okabe–Ito palette, which stays distinguishable for colour-blind readers.
 * Colour never carries meaning alone: every series also has a label, and plan against actual is
 * told apart by fill against outline (bars) or solid against dashed (lines) as well.
 */
export const PALETTE = {
	blue: '#0072B2',
	sky: '#56B4E9',
	orange: '#E69F00',
	vermillion: '#D55E00',
	green: '#009E73',
	yellow: '#F0E442',
	purple: '#CC79A7',
	grey: '#6B7280'
} as const;
