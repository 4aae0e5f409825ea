/** Keeps an export's original bytes in the database, in 1 MiB chunks, with their SHA-256. */
import { eq } from 'drizzle-orm';
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../db';
import { sourceFileChunks, sourceFiles } from '../db/schema';
import { cleanFileName } from '$lib/domain/import/file-name';
import type { ByteSource } from './byte-source';

export const CHUNK_BYTES = 1024 * 1024;

export class FileTooLargeError extends Error {
	constructor(readonly limit: number) {
		super(`The file is larger than ${limit} bytes`);
		this.name = 'FileTooLargeError';
	}
}

export interface StoredFile {
	id: string;
	name: string;
	size: number;
	sha256: string;
}

/**
 * Streams the bytes in, refusing them once they pass `limit`. Run it inside a transaction: a
 * refused or broken upload then leaves nothing behind.
 */
export async function storeSource(
	tx: Queryable,
	source: Pick<ByteSource, 'name' | 'read'>,
	meta: { projectId: number; uploadedBy: string; limit?: number }
): Promise<StoredFile> {
	const id = randomUUID();
	const name = cleanFileName(source.name);
	const hash = createHash('sha256');
	await tx.insert(sourceFiles).values({
		id,
		projectId: meta.projectId,
		name,
		size: 0,
		sha256: '',
		uploadedBy: meta.uploadedBy
	});
	let size = 0;
	let seq = 0;
	let pending: Uint8Array[] = [];
	let pendingBytes = 0;
	const flush = async (all: boolean) => {
		while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
			const joined = Buffer.concat(pending);
			const chunk = joined.subarray(0, CHUNK_BYTES);
			const rest = joined.subarray(chunk.length);
			await tx.insert(sourceFileChunks).values({ fileId: id, seq: seq++, bytes: chunk });
			pending = rest.length ? [rest] : [];
			pendingBytes = rest.length;
		}
	};
	for await (const bytes of source.read()) {
		size += bytes.length;
		if (meta.limit !== undefined && size > meta.limit) throw new FileTooLargeError(meta.limit);
		hash.update(bytes);
		pending.push(bytes);
		pendingBytes += bytes.length;
		await flush(false);
	}
	await flush(true);
	const sha256 = hash.digest('hex');
	await tx.update(sourceFiles).set({ size, sha256 }).where(eq(sourceFiles.id, id));
	return { id, name, size, sha256 };
}
