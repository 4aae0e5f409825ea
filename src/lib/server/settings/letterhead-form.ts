/**
 * Reads the letterhead form: the names, checked by the shared schema, and the logo file, told by
 * its bytes (checkLogo), kept, replaced or removed. A problem is named for the page to say.
 */
import { checkLogo, letterheadInput } from '$lib/domain/office/letterhead';
import type { Actor } from '../audit/record-audit';
import type { Database } from '../db';
import { saveLetterhead, type LetterheadChange } from './office';

export type LetterheadProblem = 'name-required' | 'empty' | 'too-large' | 'not-an-image';

export async function readLetterheadForm(
	form: FormData
): Promise<{ ok: true; change: LetterheadChange } | { ok: false; problem: LetterheadProblem }> {
	const names = letterheadInput.safeParse({
		nameLv: form.get('nameLv') ?? '',
		nameEn: form.get('nameEn') ?? ''
	});
	if (!names.success) return { ok: false, problem: 'name-required' };
	const file = form.get('logo');
	let logo: LetterheadChange['logo'] = form.get('removeLogo') === 'on' ? null : 'keep';
	// A file input left empty sends a nameless, empty file: that keeps the logo.
	if (file instanceof File && (file.size > 0 || file.name !== '')) {
		const bytes = new Uint8Array(await file.arrayBuffer());
		const checked = checkLogo(bytes);
		if (!checked.ok) return { ok: false, problem: checked.problem };
		logo = { type: checked.type, bytes };
	}
	return { ok: true, change: { ...names.data, logo } };
}

export async function saveLetterheadForm(
	db: Database,
	actor: Actor,
	form: FormData
): Promise<{ ok: true } | { ok: false; problem: LetterheadProblem }> {
	const read = await readLetterheadForm(form);
	if (!read.ok) return read;
	await saveLetterhead(db, actor, read.change);
	return { ok: true };
}
