/** Test data: the SOLID definition as shipped in static/samples, fresh for every call, and applied. */
import { readFileSync } from 'node:fs';
import {
	parseProjectDefinition,
	type ProjectDefinition,
	type ProjectDefinitionInput
} from '../../src/lib/domain/project/definition';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit/record-audit';
import type { Database } from '../../src/lib/server/db';
import { fromPackageRoot } from '../../src/lib/server/package-root';
import { applyProjectDefinition } from '../../src/lib/server/projects/apply-definition';

export const SOLID_FILE = fromPackageRoot('static/samples/solid/project.json');

export function solidInput(): ProjectDefinitionInput & Record<string, unknown> {
	return JSON.parse(readFileSync(SOLID_FILE, 'utf8'));
}

export function solidDefinition(change?: (d: ProjectDefinition) => void): ProjectDefinition {
	const result = parseProjectDefinition(solidInput());
	if (!result.ok) throw new Error(`SOLID sample does not parse: ${JSON.stringify(result.issues)}`);
	change?.(result.definition);
	return result.definition;
}

/** SOLID and a copy of it named OTHER, for tests of who may see which project. */
export async function applySolidAndOther(db: Database): Promise<void> {
	await applyProjectDefinition(db, solidDefinition(), { actor: SYSTEM_ACTOR });
	const other = solidDefinition((d) => void (d.code = 'OTHER'));
	await applyProjectDefinition(db, other, { actor: SYSTEM_ACTOR });
}
