/** Reads a project definition file and says exactly what is wrong with it: I/O, JSON syntax or fields. */
import {
	parseProjectDefinition,
	type DefinitionIssue,
	type ProjectDefinition
} from '$lib/domain/project/definition';
import { readFile } from 'node:fs/promises';

export type DefinitionFileResult =
	| { ok: true; definition: ProjectDefinition }
	| { ok: false; problem: 'unreadable'; detail: string }
	| { ok: false; problem: 'json'; detail: string }
	| { ok: false; problem: 'invalid'; issues: DefinitionIssue[] };

/** Definition files are small; anything this large is not one. */
const MAX_BYTES = 5 * 1024 * 1024;

/** "at position 123" → "line 5, column 7", which is what a person can find in an editor. */
export function describeJsonError(text: string, error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const position = /position (\d+)/.exec(message);
	if (!position) return message;
	const before = text.slice(0, Number(position[1]));
	const line = before.split('\n').length;
	const column = before.length - before.lastIndexOf('\n');
	return `${message.replace(/ in JSON at position \d+.*$/, '')} (line ${line}, column ${column})`;
}

export function parseDefinitionText(text: string): DefinitionFileResult {
	let value: unknown;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		return { ok: false, problem: 'json', detail: describeJsonError(text, error) };
	}
	const result = parseProjectDefinition(value);
	return result.ok ? result : { ok: false, problem: 'invalid', issues: result.issues };
}

export async function readDefinitionFile(path: string): Promise<DefinitionFileResult> {
	let bytes: Buffer;
	try {
		bytes = await readFile(path);
	} catch (error) {
		return { ok: false, problem: 'unreadable', detail: (error as Error).message };
	}
	if (bytes.length > MAX_BYTES) {
		return { ok: false, problem: 'unreadable', detail: `larger than ${MAX_BYTES} bytes` };
	}
	const text = new TextDecoder('utf-8', { fatal: true });
	try {
		return parseDefinitionText(text.decode(bytes));
	} catch {
		return { ok: false, problem: 'unreadable', detail: 'not UTF-8 text' };
	}
}
