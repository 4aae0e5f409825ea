import { describe, expect, it } from 'vitest';
import { mobilityChart } from './mobility-chart';

// SOLID after its travel orders: 14 of 15 done, event 3 with one done and one cancelled.
const SOLID = {
	'1': { planned: 3, completed: 3, cancelled: 0 },
	'2': { planned: 6, completed: 6, cancelled: 0 },
	'3': { planned: 2, completed: 1, cancelled: 1 },
	'4': { planned: 2, completed: 2, cancelled: 0 },
	'5': { planned: 2, completed: 2, cancelled: 0 }
};

describe('the mobility chart', () => {
	const config = mobilityChart(SOLID, {
		event: (n) => `Event ${n}`,
		planned: 'Planned',
		completed: 'Done',
		cancelled: 'Cancelled'
	});

	it('sets planned beside done and cancelled for every event, in event order', () => {
		expect(config.data.labels).toEqual(['Event 1', 'Event 2', 'Event 3', 'Event 4', 'Event 5']);
		expect(config.data.datasets.map((d) => d.data)).toEqual([
			[3, 6, 2, 2, 2],
			[3, 6, 1, 2, 2],
			[0, 0, 1, 0, 0]
		]);
	});

	it('counts whole people on its axis and does not animate', () => {
		expect(config.options?.animation).toBe(false);
		expect(config.options?.scales?.y?.ticks).toMatchObject({ precision: 0 });
	});
});
