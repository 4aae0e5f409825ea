/** A finding form as posted: the action's fields, the version the form was shown at, the files. */
import type { FindingAction, FindingRequest } from '$lib/domain/control/finding-rules';
import type { EvidenceUpload } from './finding-record';

const text = (form: FormData, name: string): string => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

async function* chunksOf(file: File): AsyncGenerator<Uint8Array> {
	const reader = file.stream().getReader();
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

/** The files picked, leaving out the empty entry a form sends when none was. */
function evidenceOf(form: FormData): EvidenceUpload[] {
	return form
		.getAll('files')
		.filter((f): f is File => f instanceof File && f.size > 0)
		.map((file) => ({ name: file.name, read: () => chunksOf(file) }));
}

export function readFindingForm(
	action: FindingAction,
	form: FormData
): { request: FindingRequest; version: number; files: EvidenceUpload[] } {
	const version = Number(text(form, 'version')) || 0;
	const files = action === 'answer' ? evidenceOf(form) : [];
	const said = text(form, 'text');
	const request: FindingRequest =
		action === 'deduct'
			? {
					action,
					scope: text(form, 'scope') === 'part' ? 'part' : 'full',
					amount: text(form, 'amount'),
					reasonCode: text(form, 'reason'),
					text: said
				}
			: action === 'answer'
				? { action, text: said, files: files.length }
				: action === 'query' || action === 'keep'
					? { action, text: said }
					: { action, text: said };
	return { request, version, files };
}
