/** The published JSON Schema of the project definition file, generated from the same zod schema. */
import { z } from 'zod';
import { projectDefinitionSchema } from './definition';

export function projectJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(projectDefinitionSchema, { io: 'input', target: 'draft-2020-12' }),
		$id: 'https://cofund.example/schemas/project.schema.json',
		title: 'cofund project definition',
		description:
			'One EU cooperation project: plan, partners, council decision, funding per year and mobility events.'
	};
}
