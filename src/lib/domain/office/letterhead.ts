/**
 * The letterhead every document is headed with: the municipality's name in LV and EN and its
 * logo. A logo is told by its first bytes, not by what the upload claims to be: only PNG and
 * JPEG, which pdfmake embeds as they are, and no larger than LOGO_MAX_BYTES.
 */
import { z } from 'zod';

/** A letterhead logo prints about 2 cm tall; 512 KB is far more than that needs. */
export const LOGO_MAX_BYTES = 512 * 1024;

export type LogoType = 'image/png' | 'image/jpeg';

export type LogoCheck =
	{ ok: true; type: LogoType } | { ok: false; problem: 'empty' | 'too-large' | 'not-an-image' };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export function checkLogo(bytes: Uint8Array): LogoCheck {
	if (bytes.length === 0) return { ok: false, problem: 'empty' };
	if (bytes.length > LOGO_MAX_BYTES) return { ok: false, problem: 'too-large' };
	if (startsWith(bytes, PNG)) return { ok: true, type: 'image/png' };
	if (startsWith(bytes, JPEG)) return { ok: true, type: 'image/jpeg' };
	return { ok: false, problem: 'not-an-image' };
}

const name = z
	.string()
	.max(200)
	.transform((s) => s.replace(/\s+/g, ' ').trim());

/** The names as the settings form sends them; the LV name is required, EN falls back to it. */
export const letterheadInput = z.object({
	nameLv: name.pipe(z.string().min(1)),
	nameEn: name
});

/** The letterhead as document data carries it: the logo as base64, so the fingerprint covers it. */
export interface LetterheadData {
	name: { lv: string; en: string };
	logo: { type: LogoType; base64: string } | null;
}
