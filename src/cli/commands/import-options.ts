/** The options of `cofund import` read and checked: a mapping profile file, `--assign`, `--without`. */
import { readFile } from 'node:fs/promises';
import { FIELDS, type ImportField, type ImportKind } from '$lib/domain/import/fields';
import {
	columnsFromPairs,
	mappingProfileSchema,
	type MappingProfile
} from '$lib/domain/import/profile';
import { m } from '$lib/paraglide/messages.js';
import { CliFailure, type CliContext } from '../context';

export const collect = (value: string, previous: string[] = []) => [...previous, value];

async function readProfile(file: string | undefined, ctx: CliContext): Promise<MappingProfile> {
	if (!file) return {};
	const { locale } = ctx;
	let value: unknown;
	try {
		value = JSON.parse(await readFile(file, 'utf8'));
	} catch (error) {
		throw new CliFailure(
			m.cli_profile_invalid({ file, detail: String((error as Error).message) }, { locale })
		);
	}
	const parsed = mappingProfileSchema.safeParse(value);
	if (!parsed.success) {
		const detail = parsed.error.issues
			.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
			.join('; ');
		throw new CliFailure(m.cli_profile_invalid({ file, detail }, { locale }));
	}
	return parsed.data;
}

export function parseAssignments(
	pairs: string[] | undefined,
	ctx: CliContext
): Map<number, number | null> {
	const assignments = new Map<number, number | null>();
	for (const pair of pairs ?? []) {
		const match = /^(\d+)=(\d+|none)$/.exec(pair.trim());
		if (!match) throw new CliFailure(m.cli_assign_invalid({ pair }, { locale: ctx.locale }));
		assignments.set(Number(match[1]), match[2] === 'none' ? null : Number(match[2]));
	}
	return assignments;
}

/** `--without category,event`: the fields to commit without, each one the kind has. */
export function parseWithout(
	values: string[] | undefined,
	kind: ImportKind,
	ctx: CliContext
): ImportField[] {
	const fields = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim());
	const known = FIELDS[kind];
	for (const value of fields.filter(Boolean)) {
		if (!known.includes(value as ImportField))
			throw new CliFailure(
				m.cli_without_invalid({ value, fields: known.join(', ') }, { locale: ctx.locale })
			);
	}
	return fields.filter(Boolean) as ImportField[];
}

/** The mapping profile of a run: the `--profile` file, its columns overridden by `--map`, and `--sheet`. */
export async function profileOf(
	options: { profile?: string; map?: string[]; sheet?: string },
	ctx: CliContext
): Promise<MappingProfile> {
	const { locale } = ctx;
	const profile = await readProfile(options.profile, ctx);
	if (options.map?.length) {
		let columns: Record<string, string | number>;
		try {
			columns = columnsFromPairs(options.map);
		} catch (error) {
			throw new CliFailure(m.cli_map_invalid({ pair: (error as Error).message }, { locale }));
		}
		const parsed = mappingProfileSchema.safeParse({
			...profile,
			columns: { ...profile.columns, ...columns }
		});
		if (!parsed.success)
			throw new CliFailure(m.cli_map_invalid({ pair: options.map.join(' ') }, { locale }));
		Object.assign(profile, parsed.data);
	}
	// A workbook's sheet by its name: the flag wins over the profile's.
	if (options.sheet?.trim()) profile.sheet = options.sheet.trim();
	return profile;
}
