/**
 * A mapping profile: what detection cannot settle, written down once and reused every month.
 * Everything is optional; what a profile leaves out is detected from the file.
 */
import { z } from 'zod';
import { ALL_FIELDS, FIELDS, IMPORT_KINDS, type ImportField, type ImportKind } from './fields';
import { FUNDING_SOURCES, STATUSES } from './values';

export const ENCODINGS = ['utf-8', 'windows-1257', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export const DELIMITERS = [';', ',', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const columnRef = z.union([z.string().trim().min(1), z.number().int().min(1)]);

export const mappingProfileSchema = z
	.object({
		$schema: z.string().optional(),
		name: z.string().trim().min(1).max(100).optional(),
		kind: z.enum(IMPORT_KINDS).optional(),
		encoding: z.enum(ENCODINGS).optional(),
		delimiter: z.enum(DELIMITERS).optional(),
		decimal: z.enum(['comma', 'point']).optional(),
		dateOrder: z.enum(['dmy', 'mdy']).optional(),
		/** The workbook sheet to read, by its name; left out, the first with a header row. */
		sheet: z.string().trim().min(1).max(100).optional(),
		columns: z.partialRecord(z.enum(ALL_FIELDS), columnRef).optional(),
		values: z
			.object({
				status: z.record(z.string(), z.enum(STATUSES)).optional(),
				fundingSource: z.record(z.string(), z.enum(FUNDING_SOURCES)).optional(),
				country: z
					.record(z.string(), z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 code, such as BE'))
					.optional(),
				/** Other names this project has in the export, such as an accounting code. */
				projectCode: z.array(z.string().trim().min(1)).optional()
			})
			.strict()
			.optional()
	})
	.strict();

export type MappingProfile = z.output<typeof mappingProfileSchema>;

/** A profile's columns, keeping only the fields of the kind being imported. */
export function profileColumns(profile: MappingProfile, kind: ImportKind) {
	const fields = new Set<ImportField>(FIELDS[kind]);
	return Object.fromEntries(
		Object.entries(profile.columns ?? {}).filter(([field]) => fields.has(field as ImportField))
	) as Partial<Record<ImportField, string | number>>;
}

/**
 * The profile with a field read from a column, given by its 1-based position so that two columns
 * with one header name can still be told apart; null takes the field back to what is recognised.
 */
export function withColumn(
	profile: MappingProfile,
	field: ImportField,
	column: number | null
): MappingProfile {
	const columns = { ...profile.columns };
	if (column === null) delete columns[field];
	else columns[field] = column;
	return { ...profile, columns };
}

/** `--map amount="Summa EUR"` style pairs into profile columns; a number means a position. */
export function columnsFromPairs(pairs: string[]): Record<string, string | number> {
	const columns: Record<string, string | number> = {};
	for (const pair of pairs) {
		const at = pair.indexOf('=');
		if (at < 1) throw new Error(pair);
		const value = pair.slice(at + 1).trim();
		columns[pair.slice(0, at).trim()] = /^#\d+$/.test(value) ? Number(value.slice(1)) : value;
	}
	return columns;
}
