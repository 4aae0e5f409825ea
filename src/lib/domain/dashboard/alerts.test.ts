import { describe, expect, it } from 'vitest';
import { projectAlerts } from './alerts';
import { yearVariances } from './year-variance';

const years = yearVariances(
	[
		{ year: 2018, prefinancing: 110000, cofinancing: 199000 },
		{ year: 2019, prefinancing: 40000, cofinancing: 67000 }
	],
	new Map([
		[2018, 307450],
		[2019, 111020]
	])
);
const events = [
	{ number: 3, month: '2018-10' },
	{ number: 5, month: '2019-09' }
];
const mobility = {
	'3': { planned: 2, completed: 1, cancelled: 1 },
	'5': { planned: 2, completed: 2, cancelled: 0 }
};

describe('the alerts of a project', () => {
	it('says the plan needs an amendment only for the years the proposal names', () => {
		const input = {
			years,
			events,
			mobility,
			outsidePeriod: { count: 0, cents: 0 },
			unassigned: { count: 0, cents: 0 },
			thisMonth: '2026-11',
			tripsRecorded: 0
		};
		expect(projectAlerts({ ...input, amendment: [{ year: 2019, amount: 4020 }] })).toEqual([
			{ kind: 'year-over-plan', year: 2019, variance: 4020, ratio: 4020 / 107000 },
			{ kind: 'plan-amendment', year: 2019, amount: 4020 }
		]);
		expect(projectAlerts({ ...input, amendment: [] }).map((a) => a.kind)).toEqual([
			'year-over-plan'
		]);
	});

	it('names SOLID 2019 as over plan, event 3 as behind, and the printing not linked to an event', () => {
		const alerts = projectAlerts({
			years,
			events,
			mobility,
			outsidePeriod: { count: 0, cents: 0 },
			unassigned: { count: 1, cents: 3850 },
			thisMonth: '2026-11',
			tripsRecorded: 13
		});
		expect(alerts).toEqual([
			{ kind: 'year-over-plan', year: 2019, variance: 4020, ratio: 4020 / 107000 },
			{ kind: 'event-behind', event: 3, month: '2018-10', done: 1, planned: 2 },
			{ kind: 'unassigned', count: 1, cents: 3850 }
		]);
	});

	it('does not call an event behind before its month has passed', () => {
		const alerts = projectAlerts({
			years: [],
			events,
			mobility,
			outsidePeriod: { count: 2, cents: 100 },
			unassigned: { count: 0, cents: 0 },
			thisMonth: '2018-10',
			tripsRecorded: 13
		});
		expect(alerts).toEqual([{ kind: 'outside-period', count: 2, cents: 100 }]);
	});

	const fresh = {
		years: yearVariances(
			[{ year: 2018, prefinancing: 110000, cofinancing: 199000 }],
			new Map<number, number>()
		),
		events,
		mobility: {
			'3': { planned: 4, completed: 0, cancelled: 0 },
			'5': { planned: 2, completed: 0, cancelled: 0 }
		},
		outsidePeriod: { count: 0, cents: 0 },
		unassigned: { count: 0, cents: 0 },
		thisMonth: '2026-11'
	};

	it('raises nothing on a project with nothing imported, though its events have passed', () => {
		expect(projectAlerts({ ...fresh, tripsRecorded: 0 })).toEqual([]);
	});

	it('says an event with no trip done as missed, never as "0 of 4"', () => {
		const alerts = projectAlerts({
			...fresh,
			mobility: { ...fresh.mobility, '5': { planned: 2, completed: 1, cancelled: 1 } },
			tripsRecorded: 2
		});
		expect(alerts).toEqual([
			{ kind: 'event-missed', event: 3, month: '2018-10', planned: 4, cancelled: 0 },
			{ kind: 'event-behind', event: 5, month: '2019-09', done: 1, planned: 2 }
		]);
		const counted = alerts.flatMap((a) => ('done' in a ? [a.done] : 'count' in a ? [a.count] : []));
		expect(counted.every((n) => n > 0)).toBe(true);
	});
});
