import { describe, expect, it } from 'vitest';
import { matchEvent, type EventTarget } from './events';

/** The SOLID mobility events. */
const EVENTS: EventTarget[] = [
	{ number: 1, country: 'BE', month: '2018-03' },
	{ number: 2, country: 'BG', month: '2018-06' },
	{ number: 3, country: 'IT', month: '2018-10' },
	{ number: 4, country: 'GR', month: '2019-03' },
	{ number: 5, country: 'BE', month: '2019-09' }
];

describe('matchEvent', () => {
	it('takes the event a record names when the project has it', () => {
		expect(matchEvent(EVENTS, { reference: 4 })).toEqual({ event: 4, how: 'reference' });
	});

	it('trusts the reference over the country and date', () => {
		expect(matchEvent(EVENTS, { reference: 2, country: 'BE', from: '2018-03-13' })).toEqual({
			event: 2,
			how: 'reference'
		});
	});

	it('says an event the project does not have is unknown', () => {
		expect(matchEvent(EVENTS, { reference: 9, country: 'BE', from: '2018-03-13' })).toEqual({
			event: null,
			how: 'unmatched',
			problem: 'unknown-event'
		});
	});

	it('finds the event by country and the month of the date', () => {
		expect(matchEvent(EVENTS, { country: 'BE', from: '2018-03-13', to: '2018-03-15' })).toEqual({
			event: 1,
			how: 'country-and-date'
		});
		expect(matchEvent(EVENTS, { country: 'BE', from: '2019-09-24' })).toEqual({
			event: 5,
			how: 'country-and-date'
		});
	});

	it("finds the event of a trip whose departure falls in the month before the event's", () => {
		expect(matchEvent(EVENTS, { country: 'GR', from: '2019-02-28', to: '2019-03-02' })).toEqual({
			event: 4,
			how: 'country-and-date'
		});
	});

	it('says no event fits a country and month the project never travelled to', () => {
		expect(matchEvent(EVENTS, { country: 'BE', from: '2018-04-02' })).toEqual({
			event: null,
			how: 'unmatched',
			problem: 'no-event-fits'
		});
		expect(matchEvent(EVENTS, { country: 'FR', from: '2018-03-13' })).toMatchObject({
			problem: 'no-event-fits'
		});
	});

	it('says several fit when the trip spans two events in the same country', () => {
		expect(matchEvent(EVENTS, { country: 'BE', from: '2018-03-01', to: '2019-09-30' })).toEqual({
			event: null,
			how: 'unmatched',
			problem: 'several-fit'
		});
	});

	it('reads a return before the departure as a one-day trip', () => {
		expect(matchEvent(EVENTS, { country: 'BE', from: '2018-03-13', to: '2017-01-01' })).toEqual({
			event: 1,
			how: 'country-and-date'
		});
	});

	it('matches nothing, and calls it no problem, without a country or a date', () => {
		expect(matchEvent(EVENTS, {})).toEqual({ event: null, how: 'none' });
		expect(matchEvent(EVENTS, { country: 'BE' })).toEqual({ event: null, how: 'none' });
		expect(matchEvent(EVENTS, { from: '2018-03-13' })).toEqual({ event: null, how: 'none' });
	});

	it('says no event fits when the project has none', () => {
		expect(matchEvent([], { country: 'BE', from: '2018-03-13' })).toMatchObject({
			problem: 'no-event-fits'
		});
		expect(matchEvent([], { reference: 1 })).toMatchObject({ problem: 'unknown-event' });
	});
});
