/**
 * The audit chain's head (how many events, and the link of the last), anchored outside the
 * database in an append-only file of JSON lines, so that deleting the newest events, or all of
 * them, is found: the table must still hold the event the file last anchored.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
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

/**
 * The furthest head the file records (instances may append out of order), or null when the
 * file does not exist yet. A line cut short by a crash is passed over.
 */
export async function readAnchor(path: string): Promise<AnchorEntry | null> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
	let furthest: AnchorEntry | null = null;
	for (const line of text.split('\n')) {
		if (!line.trim()) continue;
		let parsed: unknown;
		try {
			parsed = JSON.parse(line);
		} catch {
			continue;
		}
		if (isEntry(parsed) && (!furthest || parsed.events >= furthest.events)) furthest = parsed;
	}
	return furthest;
}
