/** The fields a table's filter bar offers, described as data so each table only lists its own. */
export interface FilterOption {
	value: string;
	label: string;
}

export type FilterField =
	| { kind: 'search'; name: string; label: string; value: string | undefined }
	| { kind: 'date'; name: string; label: string; value: string | undefined }
	| { kind: 'amount'; name: string; label: string; value: string | undefined }
	| {
			kind: 'select';
			name: string;
			label: string;
			value: string | undefined;
			/** The first choice, "any", sends nothing. */
			anyLabel: string;
			options: readonly FilterOption[];
	  };
