/**
 * Figures cached per project under the project's data version (migration 0017). A request reads
 * the versions first, in one query, and only then takes what is cached under them or works it
 * out: so what it caches is at least as new as the version it is filed under, and a change
 * committed on any instance, which changes the version in the same transaction, is seen by the
 * next request everywhere. Each database handle has its own cache, bounded, least recently used
 * first out; a figure being worked out is shared by the requests that ask for it meanwhile.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db';
import { dataVersions, projects } from '../db/schema';

const LIMIT = 2000;

class FigureCache {
	private readonly entries = new Map<string, Promise<unknown>>();

	get<T>(key: string, compute: () => Promise<T>): Promise<T> {
		const held = this.entries.get(key) as Promise<T> | undefined;
		if (held) {
			// Moved to the end: the least recently used entry is the first in the map.
			this.entries.delete(key);
			this.entries.set(key, held);
			return held;
		}
		const made = compute();
		this.entries.set(key, made);
		made.catch(() => this.entries.delete(key));
		while (this.entries.size > LIMIT) this.entries.delete(this.entries.keys().next().value!);
		return made;
	}
}

const caches = new WeakMap<object, FigureCache>();

function cacheOf(db: Queryable): FigureCache {
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new FigureCache()));
	return cache;
}

/** The data versions of these projects; a project without one (none yet) is left out. */
export async function versionsOf(
	db: Queryable,
	projectIds: number[]
): Promise<Map<number, number>> {
	if (projectIds.length === 0) return new Map();
	const rows = await db
		.select()
		.from(dataVersions)
		.where(inArray(dataVersions.projectId, projectIds));
	return new Map(rows.map((r) => [r.projectId, r.version]));
}

/** One project's data version by its id; undefined when it has none (yet). */
export async function projectVersionById(
	db: Queryable,
	projectId: number
): Promise<number | undefined> {
	const [row] = await db
		.select({ version: dataVersions.version })
		.from(dataVersions)
		.where(eq(dataVersions.projectId, projectId));
	return row?.version;
}

export interface ProjectAtVersion {
	id: number;
	version: number | undefined;
}

/** A project's id and data version by its code, in one query; null when there is no such project. */
export async function projectVersion(
	db: Queryable,
	code: string
): Promise<ProjectAtVersion | null> {
	const [row] = await db
		.select({ id: projects.id, version: dataVersions.version })
		.from(projects)
		.leftJoin(dataVersions, eq(dataVersions.projectId, projects.id))
		.where(eq(projects.code, code));
	return row ? { id: row.id, version: row.version ?? undefined } : null;
}

/**
 * What `compute` gives for this project at this version, worked out once per version. `parts`
 * name everything else the figure depends on (a date, a filter), as strings.
 */
export function cachedFigure<T>(
	db: Queryable,
	name: string,
	project: ProjectAtVersion,
	parts: readonly string[],
	compute: () => Promise<T>
): Promise<T> {
	// No version yet (a project made inside a transaction still open): nothing safe to file under.
	if (project.version === undefined) return compute();
	const key = JSON.stringify([name, project.id, project.version, ...parts]);
	return cacheOf(db).get(key, compute);
}

/**
 * What `compute` gives over several projects (a portfolio, a register), worked out once for
 * each combination of their versions: any one project's change makes a new entry.
 */
export function cachedOver<T>(
	db: Queryable,
	name: string,
	over: readonly ProjectAtVersion[],
	parts: readonly string[],
	compute: () => Promise<T>
): Promise<T> {
	if (over.some((p) => p.version === undefined)) return compute();
	const key = JSON.stringify([name, over.map((p) => `${p.id}:${p.version}`).join(','), ...parts]);
	return cacheOf(db).get(key, compute);
}

/**
 * Gathers the ids asked for in one turn of the event loop into one call of `loadMany`: the
 * figures a page misses in its cache are then worked out in one query, not one per project.
 */
export function batchedBy<T>(
	loadMany: (ids: number[]) => Promise<Map<number, T>>
): (id: number) => Promise<T | undefined> {
	let waiting: number[] = [];
	let next: Promise<Map<number, T>> | null = null;
	return (id) => {
		waiting.push(id);
		next ??= Promise.resolve().then(() => {
			const ids = waiting;
			waiting = [];
			next = null;
			return loadMany(ids);
		});
		return next.then((found) => found.get(id));
	};
}

/**
 * Each project's figure, cached under its version; the misses are worked out together, in one
 * call of `loadMany` with their ids. A project `loadMany` leaves out gets `missing`.
 */
export function cachedPerProject<T>(
	db: Queryable,
	name: string,
	over: readonly ProjectAtVersion[],
	parts: readonly string[],
	loadMany: (ids: number[]) => Promise<Map<number, T>>,
	missing: () => T
): Promise<T[]> {
	const load = batchedBy(loadMany);
	return Promise.all(
		over.map((project) =>
			cachedFigure(db, name, project, parts, async () => (await load(project.id)) ?? missing())
		)
	);
}
