/** Test data: the SOLID definition as shipped in static/samples, fresh for every call. */
import { readFileSync } from 'node:fs';
import {
	parseProjectDefinition,
	type ProjectDefinition,
	type ProjectDefinitionInput
} from '../../src/lib/domain/project/definition';
import { fromPackageRoot } from '../../src/lib/server/package-root';

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
