/** The shape of a choice offered by Select and Combobox, and the marker bits-ui needs for an empty value. */
export interface Option {
	value: string;
	label: string;
	disabled?: boolean;
}

/*
 * bits-ui treats '' as "nothing chosen", but several selects offer '' as a real choice
 * ("detect it", "no column"); inside the widget that choice goes by this marker instead.
 */
const EMPTY = '\u0000empty';
export const toInner = (value: string) => (value === '' ? EMPTY : value);
export const toOuter = (value: string) => (value === EMPTY ? '' : value);
