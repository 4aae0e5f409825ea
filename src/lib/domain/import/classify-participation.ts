/** A trip record judged: every field read, the problems listed, its event placed. */
import { matchEvent } from './events';
import { fold } from './fold';
import type { ClassifyRules, Outcome, RowProblem } from './outcome';
import {
	cell,
	eventFor,
	readCountry,
	readDate,
	readEventRef,
	readText,
	SEPARATOR
} from './read-fields';
import type { SourceRecord } from './typed-cells';
import { parseStatus, type ParticipationStatus } from './values';

export function classifyParticipation(
	record: SourceRecord,
	line: number,
	rules: ClassifyRules
): Outcome {
	const problems: RowProblem[] = [];
	const person = readText(cell(record, rules.columns, 'person'), 'person', problems);
	if (person === '') problems.push({ field: 'person', code: 'required', value: '' });
	const departure = readDate(record, 'departure', rules, problems, true);
	const returnDate = readDate(record, 'return', rules, problems, false);
	if (departure && returnDate && returnDate < departure) {
		problems.push({
			field: 'return',
			code: 'return-before-departure',
			value: cell(record, rules.columns, 'return')
		});
	}
	let status: ParticipationStatus = 'done';
	if (rules.columns.status !== undefined) {
		const parsed = parseStatus(cell(record, rules.columns, 'status'), rules.values.status);
		if (parsed) status = parsed;
		else if (cell(record, rules.columns, 'status') === '')
			problems.push({ field: 'status', code: 'required', value: '' });
		else
			problems.push({
				field: 'status',
				code: 'status-unknown',
				value: cell(record, rules.columns, 'status')
			});
	}
	const ref = readEventRef(record, rules, problems);
	const country = readCountry(record, rules, problems);
	const position = readText(cell(record, rules.columns, 'position'), 'position', problems);
	const city = readText(cell(record, rules.columns, 'city'), 'city', problems);
	const orderNumber = readText(cell(record, rules.columns, 'orderNumber'), 'orderNumber', problems);

	if (problems.length || !departure)
		return { outcome: 'rejected', line, amountCents: null, problems };
	const event = eventFor(line, rules, () => {
		const found = matchEvent(rules.project.events, {
			reference: ref.reference,
			country: country.code ?? undefined,
			from: departure,
			to: returnDate ?? undefined
		});
		// A trip is always for some event: one that cannot be placed is listed for the coordinator.
		return found.how === 'none'
			? { event: null, how: 'unmatched', problem: 'no-event-fits' }
			: found;
	});
	return {
		outcome: 'accepted',
		kind: 'participation',
		line,
		amountCents: null,
		record: {
			person,
			position,
			eventNumber: event.event,
			city,
			country: country.code,
			departure,
			returnDate,
			orderNumber,
			status
		},
		identity: [fold(person), orderNumber, departure].join(SEPARATOR),
		eventRef: ref.text,
		event
	};
}
