/**
 * The budget of one document render: time, loop iterations and text built, shared by every text
 * of the document (title, blocks, table cells, conditions and every page's footer). A template is
 * data, and data may be hostile: whatever it asks for, one render costs at most this much.
 */

export interface RenderLimits {
	/** Milliseconds of Liquid rendering for the whole document. */
	timeMs: number;
	/** Loop iterations (for, tablerow, table rows) for the whole document. */
	iterations: number;
	/** Characters of text written, and of text and lists built by filters and ranges. */
	characters: number;
}

/**
 * Far above what the shipped templates need: the final report with 20,000 expense rows (its
 * largest allowed appendix) and 600 page footers renders 1.6 million characters in 20,023
 * iterations, in about a second.
 */
export const RENDER_LIMITS: RenderLimits = {
	timeMs: 30_000,
	iterations: 1_000_000,
	characters: 16_000_000
};

export type BudgetKind = keyof RenderLimits;

/** The budget ran out; `limit` is the figure a message gives the reader. */
export class RenderBudgetError extends Error {
	constructor(
		readonly kind: BudgetKind,
		readonly limit: number
	) {
		super(
			kind === 'timeMs'
				? `the document took more than ${limit / 1000} s to render`
				: kind === 'iterations'
					? `the document loops more than ${limit} times`
					: `the document builds more than ${limit} characters of text`
		);
		this.name = 'RenderBudgetError';
	}
}

export class RenderBudget {
	private readonly deadline: number;
	private iterations = 0;
	private characters = 0;

	constructor(
		readonly limits: RenderLimits = RENDER_LIMITS,
		private readonly now: () => number = () => performance.now()
	) {
		this.deadline = now() + limits.timeMs;
	}

	/** Refuses a loop of `count` more iterations before it runs, and counts it. */
	iterate(count: number): void {
		if (!(count > 0)) return;
		if (this.iterations + count > this.limits.iterations)
			throw new RenderBudgetError('iterations', this.limits.iterations);
		this.iterations += count;
		this.checkTime();
	}

	/** Refuses a loop that would run more than the iterations left; its passes are counted as they run. */
	checkLoop(count: number): void {
		if (count > this.limits.iterations - this.iterations)
			throw new RenderBudgetError('iterations', this.limits.iterations);
	}

	/** Counts text written or built; refused before it is kept when it would overrun. */
	build(count: number): void {
		if (!(count > 0)) return;
		if (this.characters + count > this.limits.characters)
			throw new RenderBudgetError('characters', this.limits.characters);
		this.characters += count;
	}

	checkTime(): void {
		if (this.now() > this.deadline) throw new RenderBudgetError('timeMs', this.limits.timeMs);
	}

	/** What has been spent so far: for tests and the benchmark. */
	spent(): { iterations: number; characters: number } {
		return { iterations: this.iterations, characters: this.characters };
	}

	/** The shape liquidjs calls for its time limit: `check(now)` on every node it renders. */
	readonly timeLimiter = { use: () => {}, check: () => this.checkTime() };
	/** The shape liquidjs calls for its memory limit: `use(n)` before it builds a range or a text. */
	readonly sizeLimiter = {
		use: (count: number) => this.build(count),
		check: () => {},
		budget: this as RenderBudget
	};
}
