/** One mobility event on the dashboard: planned against what took place, and when. */
export interface EventProgress {
	number: number;
	month: string;
	/** The plan's city for the event, when it gives one: charts name the event by it. */
	city: string | null;
	country: string;
	planned: number;
	completed: number;
	cancelled: number;
	/** The first departure and last return of the trips that took place. */
	from: string | null;
	to: string | null;
}
