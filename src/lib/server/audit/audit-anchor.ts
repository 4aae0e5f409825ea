/**
 * The audit chain's head (how many events, and the link of the last), anchored outside the
 * database in an append-only file of JSON lines, so that deleting the newest events, or all of
 * them, is found: the table must still hold the event the file last anchored.
 */
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface AuditHead {
	/** How many events the chain held. */
	events: number;
	/** The link (HMAC) of the last of them; the genesis link when there are none. */
	hash: string;
}

export interface AnchorEntry extends AuditHead {
	/** The id of the key the head was signed with. */
	key: string;
	at: string;
}

const isEntry = (value: unknown): value is AnchorEntry => {
	const entry = value as Partial<AnchorEntry> | null;
	return (
		typeof entry === 'object' &&
		entry !== null &&
		Number.isSafeInteger(entry.events) &&
		typeof entry.hash === 'string' &&
		typeof entry.key === 'string'
	);
};

/** Appends one head and waits until it is on disk; the file is only ever added to. */
export async function appendAnchor(path: string, head: AuditHead, key: string): Promise<void> {
	const entry: AnchorEntry = { ...head, key, at: new Date().toISOString() };
	await mkdir(dirname(path), { recursive: true });
	const file = await open(path, 'a', 0o600);
	try {
		await file.appendFile(`${JSON.stringify(entry)}\n`);
		await file.datasync();
	} finally {
		await file.close();
	}
}

/** Whether any head has been anchored in the file yet; a look at its size, not a read. */
export async function hasAnchor(path: string): Promise<boolean> {
	try {
		return (await stat(path)).size > 0;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
		throw error;
	}
}

export interface AnchorFile {
	/** The furthest head the file records (instances may append out of order). */
	furthest: AnchorEntry;
	/** Every head it records, by count: the link the chain had at that place when it was anchored. */
	heads: Map<number, string>;
}

/**
 * Every head the file records, or null when there is none yet. Each was a committed head, so the
 * chain must still have each one at its place: checking only the furthest would let deleted
 * events go unnoticed once later writes had anchored a head past them. A line cut short by a
 * crash is passed over; of two heads at one place the first is kept, as the later one replaced it.
 */
export async function readAnchor(path: string): Promise<AnchorFile | null> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
	let furthest: AnchorEntry | null = null;
	const heads = new Map<number, string>();
	for (const line of text.split('\n')) {
		if (!line.trim()) continue;
		let parsed: unknown;
		try {
			parsed = JSON.parse(line);
		} catch {
			continue;
		}
		if (!isEntry(parsed)) continue;
		if (!heads.has(parsed.events)) heads.set(parsed.events, parsed.hash);
		if (!furthest || parsed.events >= furthest.events) furthest = parsed;
	}
	return furthest ? { furthest, heads } : null;
}
