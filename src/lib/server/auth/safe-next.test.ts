import { describe, expect, it } from 'vitest';
import { safeNext } from './sign-in';

const origin = 'http://localhost:3000';

describe('the place to return to after signing in', () => {
	it.each([
		['/projects/SOLID', '/projects/SOLID'],
		['/projects/SOLID/dashboard?year=2019#top', '/projects/SOLID/dashboard?year=2019#top'],
		['/audit?action=import.commit', '/audit?action=import.commit']
	])('keeps the same-site path %s', (next, expected) => {
		expect(safeNext(next, origin)).toBe(expected);
	});

	it.each([
		// The two that once redirected off-site, as URLSearchParams hands them over.
		['/\\evil.example'],
		['/\t/evil.example'],
		['//evil.example'],
		['/\\/evil.example'],
		['/\n/evil.example'],
		['https://evil.example/'],
		['http://localhost:3000.evil.example/'],
		['javascript:alert(1)'],
		['evil.example'],
		['']
	])('refuses %j and returns to the projects', (next) => {
		expect(safeNext(next, origin)).toBe('/projects');
	});

	it('refuses the off-site forms as they arrive in a query string', () => {
		for (const raw of ['next=/%5Cevil.example', 'next=/%09/evil.example']) {
			const next = new URLSearchParams(raw).get('next');
			expect(safeNext(next, origin)).toBe('/projects');
		}
	});

	it('answers with nothing but a path, so no redirect can name another host', () => {
		expect(safeNext('/%2F%2Fevil.example', origin)).toBe('/%2F%2Fevil.example');
		expect(safeNext(null, origin)).toBe('/projects');
	});
});
