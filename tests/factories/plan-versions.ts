/** Test data: SOLID's plan versions as stored, and its amendment of 2019 by decision No. 512. */
import type { PlanVersion } from '../../src/lib/domain/plan/plan-versions';
import type { ProjectDefinition } from '../../src/lib/domain/project/definition';
import { solidDefinition } from './projects';

/** SOLID's 2019 council co-financing amended 670 → 710,20 EUR by a decision of 19.09.2019. */
export const solidAmended = (change?: (d: ProjectDefinition) => void) =>
	solidDefinition((d) => {
		d.decision.date = '2019-09-19';
		d.decision.number = '512';
		d.funding.years[1]!.cofinancing = 71020;
		d.funding.council += 4020;
		d.funding.total += 4020;
		change?.(d);
	});

/** An adopted version of `definition`, recorded by `by` at `at`. */
export function adoptedVersion(
	number: number,
	kind: PlanVersion['kind'],
	definition: ProjectDefinition,
	options: { by?: string; at?: string; note?: string } = {}
): PlanVersion {
	const at = options.at ?? '2020-01-01T10:00:00.000Z';
	const by = options.by ?? 'system';
	return {
		number,
		status: 'adopted',
		kind,
		definition,
		decision: definition.decision,
		basedOn: number > 1 ? number - 1 : null,
		note: options.note ?? null,
		createdBy: by,
		createdAt: at,
		adoptedBy: by,
		adoptedAt: at
	};
}
