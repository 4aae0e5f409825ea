/** Turns a checked definition back into its written form (money as "4160.00"), for files and forms. */
import { centsToDecimal } from '../money';
import type { ProjectDefinition, ProjectDefinitionInput } from './definition';

export function toDefinitionInput(definition: ProjectDefinition): ProjectDefinitionInput {
	const { funding, ...rest } = definition;
	return {
		...rest,
		funding: {
			total: centsToDecimal(funding.total),
			eu: centsToDecimal(funding.eu),
			council: centsToDecimal(funding.council),
			years: funding.years.map((y) => ({
				year: y.year,
				prefinancing: centsToDecimal(y.prefinancing),
				cofinancing: centsToDecimal(y.cofinancing)
			}))
		}
	};
}
