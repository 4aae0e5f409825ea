/** Signing in as one of the demo users that `cofund demo` creates, in a page or an API context. */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Role } from '../../src/lib/domain/access';

export const DEMO_PASSWORD = 'demo password for e2e';
export const demoEmail = (role: Role) => `${role}@cofund.example`;

export async function signIn(page: Page, role: Role) {
	await page.goto('/login');
	await page.getByLabel(/^(E-pasts|Email)$/).fill(demoEmail(role));
	await page.getByLabel(/^(Parole|Password)$/).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: /^(Pieteikties|Sign in)$/ }).click();
	await expect(page).toHaveURL(/\/projects$/);
}

export async function signInApi(request: APIRequestContext, baseURL: string, role: Role) {
	const response = await request.post('/login', {
		// As a browser's form post; "accept anything" would get a JSON action answer instead.
		headers: { origin: baseURL, accept: 'text/html' },
		form: { email: demoEmail(role), password: DEMO_PASSWORD },
		maxRedirects: 0
	});
	expect(response.status(), `sign in as ${role}`).toBe(303);
}
