/**
 * Every field a document template can read, as a schema: the type the context builder returns,
 * the check the template checker walks, and the source of the published field reference.
 * Amounts are integer cents (print them with `| money`), dates ISO (print them with `| date`).
 */
import { z } from 'zod';
import { controlContextSchema } from './control-context';
import { controlWorkSchema } from './control-work-context';

const cents = (description: string) => z.int().meta({ description: `${description} (cents)` });
const isoDate = (description: string) =>
	z.string().meta({ description: `${description} (YYYY-MM-DD)` });
const both = (description: string) =>
	z
		.object({
			lv: z.string().meta({ description: 'In Latvian' }),
			en: z.string().meta({ description: 'In English' })
		})
		.meta({
			description: `${description}, in both languages; \`| local\` picks the one in the document's language`
		});

const partner = z.object({
	number: z.int().meta({ description: 'Its number in the list, from 1' }),
	name: z.string().meta({ description: "The name in the document's language" }),
	local_name: z.string().meta({ description: 'The name in its own language, or empty' }),
	city: z.string().meta({ description: 'The city, or empty' }),
	country: z.string().meta({ description: 'The country code, e.g. BE; `| country` names it' }),
	country_name: z.string().meta({ description: "The country in the document's language" }),
	line: z.string().meta({ description: 'Name, city and country as the annex lists them' })
});

const participant = z.object({
	name: z.string().meta({ description: 'The person who travelled' }),
	position: z.string().meta({ description: 'Their position' }),
	departure: isoDate('Departure'),
	return: z.string().meta({ description: 'Return (YYYY-MM-DD), or empty' }),
	order: z.string().meta({ description: 'The travel-order number' }),
	status: z.enum(['done', 'cancelled']).meta({ description: '`done` or `cancelled`' }),
	source: z.string().meta({ description: 'The travel-order file and line, e.g. travel.csv:4' })
});

const event = z.object({
	number: z.int().meta({ description: 'The event number' }),
	title: z.string().meta({ description: "The event's title in the document's language, or empty" }),
	city: z.string().meta({ description: 'The city, or empty' }),
	country: z.string().meta({ description: 'The country code' }),
	place: z
		.string()
		.meta({ description: 'City and country, or just the country: "Jette, Beļģija"' }),
	month: z.string().meta({ description: 'The planned month (YYYY-MM); `| month` prints 03.2018.' }),
	representatives: z.int().meta({ description: 'Planned representatives' }),
	done: z.int().meta({ description: 'Trips that took place' }),
	cancelled: z.int().meta({ description: 'Trips cancelled' }),
	spent: cents('Expenses linked to the event'),
	participants: z.array(participant).meta({ description: 'The trips to the event, by departure' })
});

const budgetYear = z.object({
	year: z.int().meta({ description: 'The year' }),
	prefinancing: cents("The council's pre-financing planned for the year"),
	cofinancing: cents("The council's co-financing planned for the year"),
	plan: cents("The year's plan: pre-financing plus co-financing"),
	actual: cents('Expenses dated in the year'),
	actual_eu: cents('Of those, marked as EU funding'),
	actual_council: cents('Of those, marked as council funding'),
	actual_unmarked: cents('Of those, with no funding source'),
	variance: cents('Actual minus plan; above zero is an overspend'),
	variance_ratio: z
		.number()
		.nullable()
		.meta({ description: 'Variance as a share of plan (0.05 = 5 %); null with no plan' })
});

const budgetDecision = z.object({
	year: z.int().meta({ description: 'The year' }),
	number: z.string().meta({
		description: "The decision's number; empty for a year with spend but no plan"
	}),
	date: z.string().meta({
		description: "The decision's date (ISO, `| date`); empty for a year with no plan"
	})
});

const budgetSource = z.object({
	year: z.int().meta({ description: 'The year' }),
	source: z.enum(['eu', 'council', 'none']).meta({
		description:
			'`eu` (pre-financed by the council), `council` (co-financing) or `none` (not marked)'
	}),
	plan: cents('The plan for this source and year: pre-financing for eu, co-financing for council'),
	actual: cents('Expenses of the year marked with this source'),
	variance: cents('Actual minus plan')
});

const expense = z.object({
	date: isoDate('The expense date'),
	amount: cents('The amount'),
	currency: z.string().meta({ description: 'Its currency' }),
	category: z.string().meta({ description: 'The classification code' }),
	category_name: z.string().meta({
		description:
			"The code's name in the document's language (the project's list, then the one cofund ships), or empty"
	}),
	event: z.string().meta({ description: 'The event number, or empty' }),
	funding: z.string().meta({ description: '`eu`, `council` or empty' }),
	document: z.string().meta({ description: 'The document number' }),
	payee: z.string().meta({ description: 'The payee' }),
	description: z.string().meta({ description: 'The description' }),
	source: z.string().meta({ description: 'The ledger file and line, e.g. ledger.csv:12' })
});

const categorySum = z.object({
	category: z
		.string()
		.meta({ description: 'The classification code, or empty for rows with none' }),
	name: z.string().meta({ description: "The code's name in the document's language, or empty" }),
	count: z.int().meta({ description: 'Expense rows' }),
	amount: cents('Their sum')
});

const yearSum = z.object({
	year: z.int().meta({ description: 'The year' }),
	count: z.int().meta({ description: 'Expense rows' }),
	amount: cents('Their sum')
});

const narrativeEvent = z.object({
	number: z.int().meta({ description: 'The event number' }),
	place: z.string().meta({ description: 'City and country, or just the country' }),
	title: z.string().meta({ description: "The event's title in the document's language, or empty" }),
	month: z.string().meta({ description: 'The planned month (YYYY-MM)' }),
	happened: z.string().meta({ description: 'What happened, or empty' }),
	results: z.string().meta({ description: "The event's results, or empty" }),
	countries: z.string().meta({ description: "The participants' countries, or empty" })
});

const closedPeriod = z.object({
	label: z
		.string()
		.meta({ description: 'The period as written: 2018, or 01.03.2019. – 30.06.2019.' }),
	starts: isoDate('Its first day'),
	ends: isoDate('Its last day'),
	closed_at: isoDate('The day it was closed; `| date` prints it'),
	closed_by: z.string().meta({ description: 'Who closed it (their email)' })
});

const decisionSchema = z.object({
	body: both('The deciding body, e.g. Daugavpils pilsētas dome'),
	body_genitive: z
		.string()
		.meta({ description: 'The body in the Latvian genitive: Daugavpils pilsētas domes' }),
	date: isoDate(
		'The decision date; `| decision_date` prints 2018.gada 22.februāra, `| decision_day` 2018.gada 22.februārī'
	),
	number: z.string().meta({ description: 'The decision number' }),
	annex: z.int().meta({ description: 'The annex number' })
});

const planYear = z.object({
	year: z.int().meta({ description: 'The year' }),
	prefinancing: cents('Pre-financing'),
	cofinancing: cents('Co-financing')
});

const changedYear = z.object({
	year: z.int().meta({ description: 'The year' }),
	prefinancing: cents('Pre-financing as amended'),
	cofinancing: cents('Co-financing as amended'),
	prefinancing_before: cents('Pre-financing before'),
	cofinancing_before: cents('Co-financing before')
});

const planVersion = z.object({
	number: z.int().meta({ description: 'The plan version the document is made for: 1, 2, …' }),
	status: z
		.enum(['draft', 'submitted', 'adopted'])
		.meta({ description: '`draft`, `submitted` or `adopted`' }),
	draft: z.boolean().meta({
		description:
			'Whether no decision has adopted it yet: a decision draft then leaves its number and date blank'
	}),
	kind: z.enum(['adoption', 'amendment']).meta({
		description:
			"`adoption` for the project's first decision, `amendment` for a decision that amends it"
	})
});

const amendment = z.object({
	decision: decisionSchema.meta({ description: 'The decision amended: the first adoption' }),
	title: both("The project's title as the amended decision named it"),
	before: z
		.object({
			decision: decisionSchema.meta({ description: 'The decision whose plan was in force' }),
			total: cents('The whole budget'),
			eu: cents('The EU co-financing'),
			council: cents("The council's co-financing"),
			years: z.array(planYear).meta({ description: "The council's money per year, by year" })
		})
		.meta({ description: 'The plan in force before this one' }),
	changed_years: z.array(changedYear).meta({
		description: 'The years whose pre-financing or co-financing this plan changes, by year'
	})
});

export const documentContextSchema = z.object({
	lang: z.enum(['lv', 'en']).meta({ description: "The document's language" }),
	document: z
		.object({
			date: isoDate('The date the document is dated'),
			template: z.string().meta({ description: 'The template id' }),
			version: z.int().meta({ description: 'The template version' })
		})
		.meta({ description: 'The document itself' }),
	project: z
		.object({
			code: z.string().meta({ description: 'The short code, e.g. SOLID' }),
			title: both('The title'),
			programme: both('The funding programme'),
			currency: z.string().meta({ description: 'The currency code, e.g. EUR' }),
			start: isoDate('The first day'),
			end: isoDate('The last day'),
			goal: both('The goal'),
			activities: both(
				'The activities, one paragraph per line; empty in both languages when the plan states none'
			),
			planned_mobilities: z.int().meta({ description: "Mobilities promised, or the events' sum" })
		})
		.meta({ description: 'The project' }),
	decision: decisionSchema.meta({ description: 'The council decision the annex belongs to' }),
	plan_version: planVersion.meta({
		description: 'The plan version the document is made for (needs `versions`)'
	}),
	amendment: amendment.nullable().meta({
		description:
			'For an amending decision: the decision it amends and the plan before; nil for an adoption (needs `versions`)'
	}),
	letterhead: z
		.object({
			name: z.string().meta({
				description: "The municipality's name in the document's language, or empty when not set"
			}),
			logo: z.boolean().meta({ description: 'Whether a logo is set' })
		})
		.meta({ description: 'The letterhead an admin sets under Settings; `letterhead` prints it' }),
	report: z
		.object({
			results: z.string().meta({ description: "The project's results, or empty" }),
			dissemination: z
				.string()
				.meta({ description: 'How the results were disseminated, or empty' }),
			events: z.array(narrativeEvent).meta({
				description: 'The events with some narrative text, by number (none without text)'
			})
		})
		.meta({
			description:
				"The coordinator's texts for the final report, in the document's language (else the other) (needs `narratives`)"
		}),
	lead_partner: partner.meta({ description: 'The applicant (lead partner)' }),
	partners: z.array(partner).meta({ description: "The partners, in the plan's order" }),
	funding: z
		.object({
			total: cents('The whole budget'),
			eu: cents('The EU co-financing'),
			council: cents("The council's co-financing"),
			prefinancing: cents('Pre-financing over all years'),
			cofinancing: cents('Co-financing over all years'),
			years: z.array(planYear).meta({ description: "The council's money per year, by year" })
		})
		.meta({ description: 'The funding plan' }),
	events: z.array(event).meta({ description: 'The mobility events, by number' }),
	closed_periods: z.array(closedPeriod).meta({
		description:
			"The periods closed to changes that overlap the project's period, by start; empty when none"
	}),
	mobility: z
		.object({
			planned: z.int().meta({ description: 'Planned mobilities' }),
			done: z.int().meta({ description: 'Trips that took place' }),
			cancelled: z.int().meta({ description: 'Trips cancelled' }),
			unassigned: z.int().meta({ description: 'Trips with no event' }),
			share: z.number().meta({ description: 'Done as a share of planned; `| percent`' })
		})
		.meta({ description: 'Mobility completion (needs `trips`)' }),
	budget: z
		.object({
			years: z.array(budgetYear).meta({ description: 'Each planned or spent year' }),
			sources: z.array(budgetSource).meta({
				description: 'Each year by funding source; `none` only where unmarked rows exist'
			}),
			total: budgetYear
				.omit({ year: true })
				.meta({ description: 'The same figures over the whole period' }),
			decisions: z.array(budgetDecision).meta({
				description:
					"Each year of `budget.years`, with the council decision its plan comes from: the plan in force on the document's date"
			})
		})
		.meta({ description: 'Plan against actual per year and funding source (needs `expenses`)' }),
	expenses: z
		.object({
			count: z.int().meta({ description: 'All expense rows' }),
			total: cents('Their sum'),
			listed: z
				.boolean()
				.meta({ description: "Whether `rows` holds them all; false above the template's limit" }),
			limit: z.int().meta({ description: 'The most rows the document lists' }),
			rows: z.array(expense).meta({ description: 'The rows by date, when `listed`' }),
			by_year: z.array(yearSum).meta({ description: 'Rows and sums per year' }),
			by_category: z
				.array(categorySum)
				.meta({ description: 'Rows and sums per classification code, largest first' }),
			csv: z.string().meta({ description: 'Where the full list downloads as CSV' })
		})
		.meta({ description: 'The expense rows (needs `expenses`)' }),
	control: controlContextSchema.meta({
		description:
			"The auditor's control: declared, verified, queried, ineligible and eligible amounts (needs `expenses`)"
	}),
	control_work: controlWorkSchema.meta({
		description: "The auditor's control work: samples, findings and their threads (needs `control`)"
	})
});

export type DocumentContext = z.infer<typeof documentContextSchema>;
export type BudgetYear = z.infer<typeof budgetYear>;
export type ChangedYear = z.infer<typeof changedYear>;
