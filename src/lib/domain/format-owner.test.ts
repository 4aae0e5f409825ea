import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * format.ts is the one module that writes a number for people (with U+2212 below zero); this test
 * fails when another module starts formatting numbers with Intl or toFixed of its own, where the
 * hyphen-minus would come back. Machine forms (money.ts's decimal strings) use none of these.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const SKIP = new Set(['paraglide']);
const HAND_FORMATTING = /Intl\.NumberFormat|\.toFixed\(|\.toLocaleString\(/;

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sources(path);
		return /\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
	});
}

const messages = (locale: string): string =>
	readFileSync(join(ROOT, 'lib', 'i18n', 'messages', `${locale}.json`), 'utf8');

describe('one way to write numbers', () => {
	it('formats numbers for people only in format.ts', () => {
		const offenders = sources(ROOT)
			.filter((path) => HAND_FORMATTING.test(readFileSync(path, 'utf8')))
			.map((path) => relative(ROOT, path));
		expect(offenders).toEqual(['lib/domain/format.ts']);
	});

	it.each(['lv', 'en'])('puts no hyphen-minus before a figure in the %s messages', (locale) => {
		// "(−{amount})" is the minus sign; a "-{amount}" or " -5" would be the hyphen-minus.
		expect(messages(locale)).not.toMatch(/(^|[\s(])-(\{|\d)/m);
	});
});
