/**
 * The browser's side of an import: the upload, with its progress (XMLHttpRequest, since fetch
 * reports none for uploads), the run, read line by line from the server's NDJSON stream, and the
 * request to cancel that run.
 */
import type { ImportFailure } from '$lib/domain/import/failures';
import type { ImportResult } from '$lib/domain/import/result';
import type { ImportRunRequest, ImportStreamEvent } from '$lib/domain/import/run-request';

export interface UploadedFile {
	id: string;
	name: string;
	size: number;
	sha256: string;
}

export type StreamEvent = ImportStreamEvent<ImportResult, ImportFailure>;

export function uploadFile(
	url: string,
	file: File,
	onProgress: (sent: number, total: number) => void
): Promise<{ ok: true; file: UploadedFile } | { ok: false; message: string }> {
	return new Promise((resolve) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', url);
		xhr.setRequestHeader('content-type', 'application/octet-stream');
		xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
		xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total || file.size);
		xhr.onload = () => {
			if (xhr.status === 200) return resolve({ ok: true, file: JSON.parse(xhr.responseText) });
			let message = xhr.statusText;
			try {
				message = JSON.parse(xhr.responseText).message ?? message;
			} catch {
				// An HTML error page: the status text says enough.
			}
			resolve({ ok: false, message: `${xhr.status} ${message}` });
		};
		xhr.onerror = () => resolve({ ok: false, message: 'network' });
		xhr.send(file);
	});
}

/** Asks the server to cancel the run; the run's own stream then ends with the 'cancelled' failure. */
export async function cancelImportRun(url: string, runId: string): Promise<boolean> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ runId })
	});
	// 404: the run has just ended on its own, and its stream says how.
	return response.ok;
}

export async function runImportStream(
	url: string,
	request: ImportRunRequest,
	onEvent: (event: StreamEvent) => void
): Promise<void> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(request)
	});
	if (!response.ok || !response.body) {
		const text = await response.text();
		let message = text;
		try {
			message = JSON.parse(text).message ?? text;
		} catch {
			// Not JSON: keep the text.
		}
		throw new Error(`${response.status} ${message}`);
	}
	const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
	let buffered = '';
	for (;;) {
		const { done, value } = await reader.read();
		if (value) buffered += value;
		let newline = buffered.indexOf('\n');
		while (newline >= 0) {
			const line = buffered.slice(0, newline);
			buffered = buffered.slice(newline + 1);
			if (line.trim()) onEvent(JSON.parse(line) as StreamEvent);
			newline = buffered.indexOf('\n');
		}
		if (done) return;
	}
}
