import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { applySolidAndOther } from '$tests/factories/projects';
import { makeUser } from '$tests/factories/users';
import type { AppUser } from '../auth/users';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { bytesSource } from '../import/byte-source';
import { loadImportProject } from '../import/import-project';
import { runImport } from '../import/run-import';
import { makeDocument, type MadeDocument } from './make-document';
import { storeDocument } from './store-document';
import { verifyForReader } from './verify-disclosure';
import { verifyDocument } from './verify-document';

const DATE = '2026-11-24';
const ONE_MORE_EXPENSE = [
	'Datums;Dok. Nr.;Partneris;Apraksts;EKK;Summa EUR;Projekts;Pasākums;Finansējums',
	'20.09.2019;AO-2019/099;Inese Kalniņa;Dienas nauda;2121;35,00;SOLID;5;Pašvaldība',
	''
].join('\n');

/** The same bytes with one letter of the producer changed: no longer cofund's, same claims. */
function tamper(pdf: Buffer): Buffer {
	const copy = Buffer.from(pdf);
	const at = copy.indexOf('/Producer') + 2;
	copy[at] = copy[at]! ^ 0x20;
	return copy;
}

describe.each(ENGINES)('what /verify tells each reader, on %s', (engine) => {
	let handle: DatabaseHandle;
	let report: MadeDocument;
	let outsider: AppUser;
	let member: AppUser;
	let admin: AppUser;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		const { db } = handle;
		await applySolidAndOther(db);
		await importSample(db, 'expenses');
		outsider = await makeUser(db, 'council', 'outsider@example.lv', ['OTHER']);
		member = await makeUser(db, 'council', 'member@example.lv', ['SOLID']);
		admin = await makeUser(db, 'admin', 'admin@example.lv');
		report = await makeDocument(db, {
			project: 'SOLID',
			template: 'final-report',
			lang: 'en',
			date: DATE
		});
		await storeDocument(db, report, { id: null, email: 'maker@example.lv' });
		// An expense imported after the report: its data has changed since.
		await runImport(db, {
			project: (await loadImportProject(db, 'SOLID'))!,
			kind: 'expenses',
			input: {
				source: bytesSource('ledger-2019-extra.csv', new TextEncoder().encode(ONE_MORE_EXPENSE))
			},
			profile: {},
			actor: SYSTEM_ACTOR,
			mode: 'commit',
			today: DATE
		});
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('tells a council member of another project only that cofund made the report', async () => {
		const answer = await verifyForReader(handle.db, report.pdf, outsider);
		expect(answer).toEqual({ withheld: true, genuine: true });
	});

	it('tells them only that an altered report is not cofund’s, not what it claims', async () => {
		const answer = await verifyForReader(handle.db, tamper(report.pdf), outsider);
		expect(answer).toEqual({ withheld: true, genuine: false });
	});

	it('gives a member of the project the whole answer: document, maker, and the changed line', async () => {
		const answer = await verifyForReader(handle.db, report.pdf, member);
		expect(answer).toMatchObject({
			genuine: true,
			document: { project: 'SOLID', createdBy: 'maker@example.lv' },
			data: {
				same: false,
				changes: [{ part: 'expenses', rows: [{ file: 'ledger-2019-extra.csv', line: 2 }] }]
			}
		});
		expect(await verifyForReader(handle.db, tamper(report.pdf), member)).toMatchObject({
			genuine: false,
			claims: { project: 'SOLID', fingerprint: report.fingerprint },
			original: { project: 'SOLID', createdBy: 'maker@example.lv' }
		});
	});

	it('gives an admin the whole answer on every project', async () => {
		expect(await verifyForReader(handle.db, report.pdf, admin)).toMatchObject({
			genuine: true,
			document: { project: 'SOLID' }
		});
	});

	it('withholds the claims of a file that names a project the reader may not see', async () => {
		const claimed = tamper(report.pdf);
		expect(await verifyForReader(handle.db, claimed, outsider)).not.toHaveProperty('claims');
		// A file with no claims at all says nothing of any project: the plain answer is given.
		expect(await verifyForReader(handle.db, Buffer.from('%PDF-1.4 not ours'), outsider)).toEqual(
			expect.objectContaining({ genuine: false, claims: null, original: null })
		);
	});

	it('answers a 256 KB upload of unclosed claims at once, instead of backtracking for seconds', async () => {
		const adversarial = Buffer.from('/CofundTemplate ('.repeat(16 * 1024), 'latin1');
		const started = performance.now();
		expect(await verifyDocument(handle.db, adversarial)).toMatchObject({ genuine: false });
		// The old reader took 14 s on this on the development machine; the new one milliseconds.
		expect(performance.now() - started).toBeLessThan(2000);
	});
});
