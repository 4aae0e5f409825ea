/**
 * A document's figures: its own fingerprinted rows, each as one entry of the figures' input, so a
 * figure in a PDF is computed as the dashboard's is, from exactly the rows the snapshot lists.
 */
import { projectFigures, type ProjectFigures } from '../dashboard/figures';
import type { DocumentData } from './document-data';

export function documentFigures(data: DocumentData): ProjectFigures {
	return projectFigures({
		plan: data.plan,
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
		}))
	});
}
