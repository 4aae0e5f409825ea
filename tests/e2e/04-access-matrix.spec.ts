/**
 * Every route and form action, as every role and signed out, against the running app: each
 * request is allowed, sent to sign in, or forbidden exactly as this table says. The table must
 * name every route of the access rules, and src/lib/server/access/route-files.test.ts checks
 * that the rules name every route in src/routes, so a new route cannot go unexamined. Past the
 * access check, /verify and /audit must also tell each role only what it may know: the last
 * tests look at what those pages say to each role.
 */
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Role } from '../../src/lib/domain/access';
import { ROUTE_RULES } from '../../src/lib/server/access/route-rules';
import { demoEmail, signInApi } from '../pages/sign-in';

type Who = Role | 'anonymous';
type Outcome = 'allowed' | 'sign-in' | 'forbidden';
const WHO: Who[] = ['anonymous', 'admin', 'coordinator', 'council', 'auditor'];

const all = (outcome: Outcome): Record<Who, Outcome> => ({
	anonymous: outcome,
	admin: outcome,
	coordinator: outcome,
	council: outcome,
	auditor: outcome
});
const signedIn: Record<Who, Outcome> = { ...all('allowed'), anonymous: 'sign-in' };
const editors: Record<Who, Outcome> = { ...signedIn, council: 'forbidden', auditor: 'forbidden' };
/** An auditor gets through to make the control report; the endpoint refuses every other template. */
const makers: Record<Who, Outcome> = { ...editors, auditor: 'allowed' };
const importers: Record<Who, Outcome> = editors;
const auditors: Record<Who, Outcome> = {
	...signedIn,
	coordinator: 'forbidden',
	council: 'forbidden'
};

interface Case {
	route: string;
	url: string;
	/** `GET` for a page or endpoint, `POST` for an endpoint, or a form action's name. */
	request: string;
	expected: Record<Who, Outcome>;
}

/** The original files are for auditors (and admins), as is the audit log. */
const originals = auditors;
/** People and their access (user:manage), and backups, which hold everything, password hashes too: for admins only. */
const admins: Record<Who, Outcome> = {
	...signedIn,
	coordinator: 'forbidden',
	council: 'forbidden',
	auditor: 'forbidden'
};
const PEOPLE_ACTIONS = ['add', 'role', 'grant', 'revoke', 'disable', 'enable', 'resetLink'];

// Sign-out comes last, since it ends the session the other rows use.
const CASES: Case[] = [
	{ route: '/', url: '/', request: 'GET', expected: signedIn },
	{ route: '/login', url: '/login', request: 'GET', expected: all('allowed') },
	{ route: '/login', url: '/login', request: 'default', expected: all('allowed') },
	{ route: '/setup', url: '/setup', request: 'GET', expected: all('allowed') },
	{ route: '/setup', url: '/setup', request: 'default', expected: all('allowed') },
	{ route: '/account', url: '/account', request: 'GET', expected: signedIn },
	{ route: '/account', url: '/account', request: 'default', expected: signedIn },
	{ route: '/audit', url: '/audit', request: 'GET', expected: auditors },
	{ route: '/reset', url: '/reset', request: 'GET', expected: all('allowed') },
	{ route: '/reset', url: '/reset', request: 'default', expected: all('allowed') },
	// The page a refused page is answered with: it says "no access" to everyone signed in.
	{
		route: '/forbidden',
		url: '/forbidden',
		request: 'GET',
		expected: { ...all('forbidden'), anonymous: 'sign-in' }
	},
	{ route: '/people', url: '/people', request: 'GET', expected: admins },
	// Posted empty, so that an admin's request is refused as bad input and changes nobody.
	...PEOPLE_ACTIONS.map((action) => ({
		route: '/people',
		url: `/people?/${action}`,
		request: action,
		expected: admins
	})),
	{ route: '/backup', url: '/backup', request: 'GET', expected: admins },
	{ route: '/backup/download', url: '/backup/download', request: 'POST', expected: admins },
	{ route: '/audit/csv', url: '/audit/csv?project=SOLID', request: 'GET', expected: auditors },
	{ route: '/projects', url: '/projects', request: 'GET', expected: signedIn },
	{ route: '/portfolio', url: '/portfolio', request: 'GET', expected: signedIn },
	{
		route: '/portfolio/expenses',
		url: '/portfolio/expenses?year=2019',
		request: 'GET',
		expected: signedIn
	},
	{ route: '/projects/new', url: '/projects/new', request: 'GET', expected: editors },
	{ route: '/projects/new', url: '/projects/new', request: 'default', expected: editors },
	{ route: '/projects/drafts', url: '/projects/drafts', request: 'GET', expected: editors },
	{ route: '/projects/drafts', url: '/projects/drafts?/keep', request: 'keep', expected: editors },
	{
		route: '/projects/drafts',
		url: '/projects/drafts?/discard',
		request: 'discard',
		expected: editors
	},
	{ route: '/projects/[code]', url: '/projects/SOLID', request: 'GET', expected: signedIn },
	{
		route: '/projects/[code]/edit',
		url: '/projects/SOLID/edit',
		request: 'GET',
		expected: editors
	},
	{
		route: '/projects/[code]/edit',
		url: '/projects/SOLID/edit',
		request: 'default',
		expected: editors
	},
	{
		route: '/projects/[code]/dashboard',
		url: '/projects/SOLID/dashboard',
		request: 'GET',
		expected: signedIn
	},
	{
		route: '/projects/[code]/expenses',
		url: '/projects/SOLID/expenses?year=2019',
		request: 'GET',
		expected: signedIn
	},
	{
		route: '/projects/[code]/expenses/csv',
		url: '/projects/SOLID/expenses/csv',
		request: 'GET',
		expected: signedIn
	},
	{
		route: '/projects/[code]/trips',
		url: '/projects/SOLID/trips?event=3',
		request: 'GET',
		expected: signedIn
	},
	{
		route: '/projects/[code]/trips/csv',
		url: '/projects/SOLID/trips/csv?status=done',
		request: 'GET',
		expected: signedIn
	},
	{
		route: '/projects/[code]/import',
		url: '/projects/SOLID/import',
		request: 'GET',
		expected: importers
	},
	{
		route: '/projects/[code]/import',
		url: '/projects/SOLID/import?/saveProfile',
		request: 'saveProfile',
		expected: importers
	},
	{
		route: '/projects/[code]/import/upload',
		url: '/projects/SOLID/import/upload',
		request: 'POST',
		expected: importers
	},
	{
		route: '/projects/[code]/import/run',
		url: '/projects/SOLID/import/run',
		request: 'POST',
		expected: importers
	},
	// Posted empty: refused as bad input past the access check, so nothing is cancelled.
	{
		route: '/projects/[code]/import/cancel',
		url: '/projects/SOLID/import/cancel',
		request: 'POST',
		expected: importers
	},
	{
		route: '/projects/[code]/imports',
		url: '/projects/SOLID/imports',
		request: 'GET',
		expected: signedIn
	},
	{
		route: '/projects/[code]/imports',
		url: '/projects/SOLID/imports?/revert',
		request: 'revert',
		expected: importers
	},
	// The control's pages on an expense and a sample that do not exist: past the access check
	// they answer 404, so nothing is found, drawn or recorded on SOLID here.
	{
		route: '/projects/[code]/expenses/[id]',
		url: '/projects/SOLID/expenses/999999999',
		request: 'GET',
		expected: signedIn
	},
	...['verify', 'query', 'deduct', 'close', 'keep', 'clear'].map((action): Case => ({
		route: '/projects/[code]/expenses/[id]',
		url: `/projects/SOLID/expenses/999999999?/${action}`,
		request: action,
		expected: auditors
	})),
	{
		route: '/projects/[code]/expenses/[id]',
		url: '/projects/SOLID/expenses/999999999?/answer',
		request: 'answer',
		expected: editors
	},
	{
		route: '/projects/[code]/expenses/[id]/evidence/[file]',
		url: '/projects/SOLID/expenses/999999999/evidence/none',
		request: 'GET',
		expected: signedIn
	},
	{
		route: '/projects/[code]/control',
		url: '/projects/SOLID/control',
		request: 'GET',
		expected: signedIn
	},
	// Posted empty: refused as bad input, so no sample is drawn.
	{
		route: '/projects/[code]/control',
		url: '/projects/SOLID/control?/draw',
		request: 'draw',
		expected: auditors
	},
	{
		route: '/projects/[code]/control/samples/[number]',
		url: '/projects/SOLID/control/samples/999',
		request: 'GET',
		expected: signedIn
	},
	{
		route: '/projects/[code]/control/samples/[number]',
		url: '/projects/SOLID/control/samples/999?/redraw',
		request: 'redraw',
		expected: signedIn
	},
	{
		route: '/settings/control-reasons',
		url: '/settings/control-reasons',
		request: 'GET',
		expected: auditors
	},
	// Posted empty: refused as bad input, so the reasons stay as they are.
	...['add', 'rename', 'move', 'retire', 'restore'].map((action): Case => ({
		route: '/settings/control-reasons',
		url: `/settings/control-reasons?/${action}`,
		request: action,
		expected: auditors
	})),
	{
		route: '/projects/[code]/periods',
		url: '/projects/SOLID/periods',
		request: 'GET',
		expected: signedIn
	},
	// Posted empty: refused as bad input, so no period is closed or reopened and no date is set.
	{
		route: '/projects/[code]/periods',
		url: '/projects/SOLID/periods?/close',
		request: 'close',
		expected: { ...signedIn, council: 'forbidden' }
	},
	{
		route: '/projects/[code]/periods',
		url: '/projects/SOLID/periods?/reopen',
		request: 'reopen',
		expected: auditors
	},
	{
		route: '/projects/[code]/periods',
		url: '/projects/SOLID/periods?/retention',
		request: 'retention',
		expected: auditors
	},
	{
		route: '/projects/[code]/imports/[id]',
		url: '/projects/SOLID/imports/1',
		request: 'GET',
		expected: signedIn
	},
	{
		route: '/projects/[code]/imports/[id]/original',
		url: '/projects/SOLID/imports/1/original',
		request: 'GET',
		expected: originals
	},
	{
		route: '/projects/[code]/documents',
		url: '/projects/SOLID/documents',
		request: 'GET',
		expected: signedIn
	},
	{
		route: '/projects/[code]/report',
		url: '/projects/SOLID/report',
		request: 'GET',
		expected: editors
	},
	// Posted empty, so that a coordinator's request is refused as bad input and changes nothing.
	{
		route: '/projects/[code]/report',
		url: '/projects/SOLID/report',
		request: 'default',
		expected: editors
	},
	{ route: '/settings', url: '/settings', request: 'GET', expected: admins },
	{ route: '/settings', url: '/settings', request: 'default', expected: admins },
	{
		route: '/projects/[code]/documents/preview',
		url: '/projects/SOLID/documents/preview?template=council-annex&lang=lv&date=2026-11-24',
		request: 'GET',
		expected: signedIn
	},
	{
		route: '/projects/[code]/documents/make',
		url: '/projects/SOLID/documents/make',
		request: 'POST',
		expected: makers
	},
	{
		route: '/projects/[code]/documents/docx',
		url: '/projects/SOLID/documents/docx',
		request: 'POST',
		expected: makers
	},
	{
		route: '/projects/[code]/plan/amend',
		url: '/projects/SOLID/plan/amend',
		request: 'GET',
		expected: signedIn
	},
	// Posted empty: a coordinator's request is refused as bad input (no plan version, no figures,
	// no decision) and changes nothing; council members and auditors are refused before that.
	...(['accept', 'save', 'submit', 'return', 'discard', 'adopt'] as const).map((action): Case => ({
		route: '/projects/[code]/plan/amend',
		url: `/projects/SOLID/plan/amend?/${action}`,
		request: action,
		expected: editors
	})),
	{
		route: '/projects/[code]/documents/[id]',
		url: '/projects/SOLID/documents/999999',
		request: 'GET',
		expected: signedIn
	},
	{ route: '/verify', url: '/verify', request: 'GET', expected: signedIn },
	{ route: '/verify', url: '/verify', request: 'default', expected: signedIn },
	{ route: '/templates', url: '/templates', request: 'GET', expected: signedIn },
	{
		route: '/templates/reference',
		url: '/templates/reference',
		request: 'GET',
		expected: signedIn
	},
	{
		route: '/templates/[id]',
		url: '/templates/council-annex',
		request: 'GET',
		expected: signedIn
	},
	{
		route: '/templates/[id]',
		url: '/templates/council-annex?/save',
		request: 'save',
		expected: editors
	},
	{
		route: '/templates/[id]',
		url: '/templates/council-annex?/review',
		request: 'review',
		expected: editors
	},
	{
		route: '/templates/[id]',
		url: '/templates/council-annex?/edit',
		request: 'edit',
		expected: editors
	},
	{
		route: '/templates/[id]/check',
		url: '/templates/council-annex/check',
		request: 'POST',
		expected: editors
	},
	{
		route: '/templates/[id]/preview',
		url: '/templates/council-annex/preview',
		request: 'POST',
		expected: editors
	},
	{ route: '/logout', url: '/logout', request: 'GET', expected: signedIn },
	{ route: '/logout', url: '/logout', request: 'default', expected: signedIn }
];

// Ask as a browser does: SvelteKit answers an "accept anything" form post as a JSON action call.
const HTML = { accept: 'text/html' };

function outcomeOf(status: number, location: string | undefined): Outcome | `status ${number}` {
	if (status === 401 || (status === 303 && location?.startsWith('/login?next='))) return 'sign-in';
	if (status === 403) return 'forbidden';
	// A refused form (400) or a redirect after a valid one still got past the access check.
	if (status < 500) return 'allowed';
	return `status ${status}`;
}

test('the table covers every route and action in the access rules', () => {
	const declared = Object.entries(ROUTE_RULES).flatMap(([route, rule]) => [
		...(rule.page ? [`${route} GET`] : []),
		...Object.keys(rule.actions ?? {}).map((action) => `${route} ${action}`),
		...Object.keys(rule.endpoints ?? {}).map((method) => `${route} ${method}`)
	]);
	const tested = CASES.map((c) => `${c.route} ${c.request}`);
	expect(new Set(tested)).toEqual(new Set(declared));
});

for (const who of WHO) {
	test(`every route as ${who}`, async ({ baseURL }) => {
		// Over fifty requests, some of them renders and backups: minutes on a loaded machine.
		test.setTimeout(300_000);
		const api: APIRequestContext = await request.newContext({ baseURL });
		if (who !== 'anonymous') await signInApi(api, baseURL!, who);
		const seen: string[] = [];
		const wanted: string[] = [];
		for (const c of CASES) {
			const response =
				c.request === 'GET'
					? await api.get(c.url, { headers: HTML, maxRedirects: 0 })
					: await api.post(c.url, {
							headers: { ...HTML, origin: baseURL! },
							form: {},
							maxRedirects: 0
						});
			const label = `${c.request} ${c.url}`;
			seen.push(`${label}: ${outcomeOf(response.status(), response.headers()['location'])}`);
			wanted.push(`${label}: ${c.expected[who]}`);
		}
		expect(seen).toEqual(wanted);
		await api.dispose();
	});
}

/**
 * What /verify and /audit say to each role, with a second project, DISCLOSED, that an admin
 * creates and makes an annex of: the demo's coordinator, council member and auditor are members
 * of SOLID only. For DISCLOSED's files they learn only whether cofund made them.
 */
test.describe('what /verify and /audit disclose to each role', () => {
	const ROLES: Role[] = ['admin', 'coordinator', 'council', 'auditor'];
	const CODE = 'DISCLOSED';
	const GENUINE = 'Īsts: cofund šo failu izveidoja kā dokumentu';
	const YES = 'Izveidojis cofund: jā.';
	const NO = 'Izveidojis cofund: nē.';
	let files: { solid: Buffer; other: Buffer; otherAltered: Buffer };

	async function signedIn(baseURL: string, who: Role) {
		const api = await request.newContext({
			baseURL,
			extraHTTPHeaders: { 'accept-language': 'lv' }
		});
		await signInApi(api, baseURL, who);
		return api;
	}

	async function makeAnnex(api: APIRequestContext, baseURL: string, code: string) {
		const response = await api.post(`/projects/${code}/documents/make`, {
			headers: { origin: baseURL },
			form: { template: 'council-annex', lang: 'lv', date: '2026-11-24' }
		});
		expect(response.status(), `annex of ${code}`).toBe(200);
		return Buffer.from(await response.body());
	}

	test.beforeAll(async ({ baseURL }) => {
		const admin = await signedIn(baseURL!, 'admin');
		const solid = JSON.parse(readFileSync('static/samples/solid/project.json', 'utf8'));
		const created = await admin.post('/projects/new', {
			headers: { ...HTML, origin: baseURL! },
			form: { definition: JSON.stringify({ ...solid, code: CODE }) },
			maxRedirects: 0
		});
		// 409: made already, when a failed test restarted the worker and this runs again.
		expect([303, 409], 'create DISCLOSED').toContain(created.status());
		const other = await makeAnnex(admin, baseURL!, CODE);
		const otherAltered = Buffer.from(other);
		const at = otherAltered.indexOf('/Producer') + 2;
		otherAltered[at] = otherAltered[at]! ^ 0x20;
		files = { solid: await makeAnnex(admin, baseURL!, 'SOLID'), other, otherAltered };
		await admin.dispose();
	});

	async function verify(api: APIRequestContext, baseURL: string, pdf: Buffer) {
		const response = await api.post('/verify', {
			headers: { ...HTML, origin: baseURL },
			multipart: { pdf: { name: 'file.pdf', mimeType: 'application/pdf', buffer: pdf } }
		});
		expect(response.status()).toBe(200);
		// The verdict's card only: the page's own texts and navigation are the same for all.
		const html = await response.text();
		return html.slice(html.indexOf('data-testid="verdict"'));
	}

	for (const who of ROLES) {
		test(`/verify as ${who}`, async ({ baseURL }) => {
			const api = await signedIn(baseURL!, who);
			const member = await verify(api, baseURL!, files.solid);
			expect(member).toContain(GENUINE);
			expect(member).toContain('projekts SOLID');

			const other = await verify(api, baseURL!, files.other);
			const altered = await verify(api, baseURL!, files.otherAltered);
			if (who === 'admin') {
				expect(other).toContain(`projekts ${CODE}`);
				expect(altered).toContain('Nav īsts');
				expect(altered).toContain(`projektam ${CODE}`);
			} else {
				expect(other).toContain(YES);
				expect(altered).toContain(NO);
				// A forged file proves nothing about any project, not even that it is someone else's.
				expect(altered).not.toContain('dalībnieks jūs neesat');
				for (const answer of [other, altered]) {
					expect(answer).not.toContain(CODE);
					expect(answer).not.toContain('admin@cofund.example');
					expect(answer).not.toContain('council-annex');
					expect(answer).not.toMatch(/[0-9a-f]{64}/);
				}
			}
			await api.dispose();
		});
	}

	for (const who of ['admin', 'auditor'] as const) {
		test(`/audit as ${who}`, async ({ baseURL }) => {
			const api = await signedIn(baseURL!, who);
			const audit = async (query: string) => {
				const page = await (await api.get(`/audit?${query}`, { headers: HTML })).text();
				const between = (from: string, to: string) =>
					page.slice(page.indexOf(from), page.indexOf(to, page.indexOf(from)));
				return {
					rows: between('data-testid="audit-table"', '</table>'),
					actions: between('name="action"', '</select>'),
					page
				};
			};
			expect((await audit('project=SOLID')).rows).toContain('Izveidoja projektu SOLID');
			const other = await audit(`project=${CODE}`);
			const signIns = await audit('action=auth.sign-in');
			if (who === 'admin') {
				expect(other.rows).toContain(`Izveidoja projektu ${CODE}`);
				expect(signIns.rows).toContain(demoEmail('auditor'));
				expect(other.actions).toContain('auth.sign-in');
			} else {
				expect(other.rows).not.toContain(CODE);
				// Nor by the CSV, whatever its filter asks for.
				const csv = await (await api.get(`/audit/csv?project=${CODE}`)).text();
				expect(csv).not.toContain(CODE);
				// Sign-ins, users and templates belong to no project: not in the list, nor its filter.
				expect(signIns.rows).not.toContain('Pieteicās');
				expect(other.actions).not.toMatch(/auth\.|user\.|template\./);
				expect(other.actions).toContain('project.create');
			}
			expect((await audit('verify=1')).page).toContain('Ķēde ir vesela');
			await api.dispose();
		});
	}
});
