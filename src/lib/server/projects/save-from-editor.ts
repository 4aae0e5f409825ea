/**
 * Saves what the project editor posted: the working copy as JSON and the version it started
 * from. The schema check here is the authoritative one; the browser's is a convenience.
 */
import { parseProjectDefinition, type DefinitionIssue } from '$lib/domain/project/definition';
import type { Actor } from '../audit/record-audit';
import { addMember } from '../auth/users';
import type { Database } from '../db';
import {
	applyProjectDefinition,
	CodeTakenError,
	DecisionOrderError,
	VersionConflictError,
	type ApplyStatus
} from './apply-definition';

export type EditorSaveFailure =
	| { problem: 'bad-request' }
	| { problem: 'invalid'; issues: DefinitionIssue[] }
	| { problem: 'conflict'; expected: number; actual: number };

export type EditorSaveOutcome =
	| { ok: true; code: string; status: ApplyStatus }
	| { ok: false; httpStatus: 400 | 409; failure: EditorSaveFailure };

type Target = { mode: 'create' } | { mode: 'update'; code: string };

const badRequest = { ok: false, httpStatus: 400, failure: { problem: 'bad-request' } } as const;

export async function saveFromEditor(
	db: Database,
	form: FormData,
	target: Target,
	actor: Actor
): Promise<EditorSaveOutcome> {
	const raw = form.get('definition');
	if (typeof raw !== 'string') return badRequest;
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		return badRequest;
	}
	const version = Number(form.get('version'));
	if (target.mode === 'update' && !Number.isInteger(version)) return badRequest;

	const parsed = parseProjectDefinition(value);
	if (!parsed.ok) {
		return { ok: false, httpStatus: 400, failure: { problem: 'invalid', issues: parsed.issues } };
	}
	// The code names the project in the URL; the edit form may not move it elsewhere.
	if (target.mode === 'update' && parsed.definition.code !== target.code) return badRequest;

	try {
		const result = await applyProjectDefinition(db, parsed.definition, {
			actor,
			createOnly: target.mode === 'create',
			expectedVersion: target.mode === 'update' ? version : undefined
		});
		// Whoever creates a project can see it; admins see all projects anyway.
		if (result.status === 'created' && actor.id) await addMember(db, result.code, actor.id);
		return { ok: true, code: result.code, status: result.status };
	} catch (error) {
		if (error instanceof VersionConflictError) {
			const { expected, actual } = error;
			return { ok: false, httpStatus: 409, failure: { problem: 'conflict', expected, actual } };
		}
		if (error instanceof DecisionOrderError) {
			const params = { number: error.inForce.number, date: error.inForce.date };
			const issues = [{ path: 'decision.date', key: 'decisionOrder', params }];
			return { ok: false, httpStatus: 409, failure: { problem: 'invalid', issues } };
		}
		if (error instanceof CodeTakenError) {
			const issues = [{ path: 'code', key: 'codeTaken', params: {} }];
			return { ok: false, httpStatus: 409, failure: { problem: 'invalid', issues } };
		}
		throw error;
	}
}
