import { describe, expect, it } from 'vitest';
import { SYSTEM_EMAIL } from '$lib/domain/author';
import { authorEmail, authorLine, authorName } from './author-names';

const janis = { email: 'janis@cofund.example', name: 'Jānis Bērziņš' };
const system = { email: SYSTEM_EMAIL, name: null };

describe('authors as a reader is told them', () => {
	it('names a person by name, and an email no user has by the email', () => {
		expect(authorName(janis, 'lv')).toBe('Jānis Bērziņš');
		expect(authorName({ email: 'gone@example.lv', name: null }, 'en')).toBe('gone@example.lv');
		expect(authorEmail(janis)).toBe('janis@cofund.example');
	});

	it('names cofund’s own steps in the reader’s language, with no email', () => {
		expect(authorName(system, 'lv')).toBe('cofund (sistēma)');
		expect(authorName(system, 'en')).toBe('cofund (system)');
		expect(authorEmail(system)).toBeNull();
	});

	it('writes name and email on one line for the CLI, and each only once', () => {
		expect(authorLine(janis, 'lv')).toBe('Jānis Bērziņš <janis@cofund.example>');
		expect(authorLine({ email: 'gone@example.lv', name: null }, 'lv')).toBe('gone@example.lv');
		expect(authorLine(system, 'en')).toBe('cofund (system)');
	});
});
