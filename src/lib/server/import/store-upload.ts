/** Keeps an uploaded export as it streams in, within the import's size limit, all or nothing. */
import type { Database } from '../db';
import { storeSource, type StoredFile } from './store-source';

async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
	const reader = body.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		reader.releaseLock();
	}
}

export function storeUpload(
	db: Database,
	upload: {
		name: string;
		body: ReadableStream<Uint8Array>;
		projectId: number;
		uploadedBy: string;
		limit: number;
	}
): Promise<StoredFile> {
	return db.transaction((tx) =>
		storeSource(
			tx,
			{ name: upload.name, read: () => chunksOf(upload.body) },
			{ projectId: upload.projectId, uploadedBy: upload.uploadedBy, limit: upload.limit }
		)
	);
}
