/**
 * A document's figures: its own fingerprinted rows, each as one entry of the figures' input, so a
 * figure in a PDF is computed as the dashboard's is, from exactly the rows the snapshot lists
 * (the findings too: each row's finding is one entry of the control figures' input).
 * The plan is the one in force on the document's date, from the plan steps the data keeps (or
 * the data's one plan, as the only step, for a project never amended).
 */
import { projectFigures, type FiguresStep, type ProjectFigures } from '../dashboard/figures';
import type { DocumentData } from './document-data';

function onlyStep({ decision, funding }: DocumentData['plan']): FiguresStep {
	return {
		from: decision.date,
		decision: { number: decision.number.trim(), date: decision.date },
		total: funding.total,
		years: funding.years.map(({ year, prefinancing, cofinancing }) => ({
			year,
			prefinancing,
			cofinancing
		}))
	};
}

/** `asOf`: the document's date (YYYY-MM-DD); absent, the last plan step. */
export function documentFigures(data: DocumentData, asOf?: string): ProjectFigures {
	return projectFigures({
		plan: data.plan,
		steps: data.planSteps ?? [onlyStep(data.plan)],
		...(asOf !== undefined && { asOf }),
		spend: (data.expenses ?? []).map((row) => ({
			month: row.date.slice(0, 7),
			category: row.category,
			event: row.event,
			funding: row.funding,
			cents: row.cents,
			rows: 1
		})),
		trips: (data.trips ?? []).map((trip) => ({
			event: trip.event,
			status: trip.status,
			count: 1,
			first: trip.departure,
			last: trip.return ?? trip.departure
		})),
		findings: (data.expenses ?? []).flatMap((row) =>
			row.finding
				? [
						{
							month: row.date.slice(0, 7),
							category: row.category,
							event: row.event,
							state: row.finding.state,
							cents: row.cents,
							deducted: row.finding.deducted,
							rows: 1
						}
					]
				: []
		)
	});
}
