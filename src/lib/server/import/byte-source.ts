/** Where an export's bytes come from, read as a stream as often as needed: a file on disk, or one kept in the database. */
import { and, asc, between, eq } from 'drizzle-orm';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { cleanFileName } from '$lib/domain/import/file-name';
import type { Queryable } from '../db';
import { sourceFileChunks, sourceFiles } from '../db/schema';

export interface ByteSource {
	name: string;
	size: number;
	read(): AsyncIterable<Uint8Array>;
}

export async function fileSource(
	path: string,
	name = cleanFileName(basename(path))
): Promise<ByteSource> {
	const { size } = await stat(path);
	return { name, size, read: () => createReadStream(path, { highWaterMark: 256 * 1024 }) };
}

export function bytesSource(name: string, bytes: Uint8Array): ByteSource {
	return {
		name,
		size: bytes.length,
		async *read() {
			yield bytes;
		}
	};
}

/** Chunks are fetched a few at a time, so a large file never sits whole in memory. */
const CHUNKS_PER_QUERY = 8;
/**
 * A stored 1 MiB chunk is handed on in pieces of the size a file is read in (createReadStream's
 * highWaterMark above): the records come in batches of that size, so that an upload's check
 * reports its progress and can be cancelled as often as the CLI's, not once per megabyte.
 */
const PIECE_BYTES = 256 * 1024;

export async function storedSource(db: Queryable, fileId: string): Promise<ByteSource | null> {
	const [file] = await db.select().from(sourceFiles).where(eq(sourceFiles.id, fileId));
	if (!file) return null;
	return {
		name: file.name,
		size: file.size,
		async *read() {
			for (let from = 0; ; from += CHUNKS_PER_QUERY) {
				const rows = await db
					.select({ bytes: sourceFileChunks.bytes })
					.from(sourceFileChunks)
					.where(
						and(
							eq(sourceFileChunks.fileId, fileId),
							between(sourceFileChunks.seq, from, from + CHUNKS_PER_QUERY - 1)
						)
					)
					.orderBy(asc(sourceFileChunks.seq));
				for (const { bytes } of rows) {
					for (let at = 0; at < bytes.length; at += PIECE_BYTES)
						yield bytes.subarray(at, at + PIECE_BYTES);
				}
				if (rows.length < CHUNKS_PER_QUERY) return;
			}
		}
	};
}
