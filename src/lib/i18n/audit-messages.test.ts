import { describe, expect, it } from 'vitest';
import { solidDefinition } from '$tests/factories/projects';
import { KNOWN_ACTIONS, type StoredEvent } from '$lib/domain/audit/describe-event';
import { actionName, changeText, sayEvent } from './audit-messages';

const NBSP = '\u00a0';
const event = (action: string, parts: Partial<StoredEvent> = {}): StoredEvent => ({
	action,
	objectType: 'project',
	objectId: 'SOLID',
	before: null,
	after: null,
	project: null,
	...parts
});
const jb = { email: 'janis@cofund.example', name: 'Jānis Bērziņš' };
const user = (after: unknown, before: unknown = null) =>
	({ objectType: 'user', objectId: jb.email, after, before }) as const;
const names = { templates: { 'council-annex': 'Domes lēmuma pielikums' } };

/** One event of every action cofund records, with the sentence it is said with in LV and EN. */
const CASES: [StoredEvent, string, string][] = [
	[
		event('project.create', { after: solidDefinition(), project: 'SOLID' }),
		'Izveidoja projektu SOLID',
		'Created project SOLID'
	],
	[
		event('project.update', {
			before: solidDefinition(),
			after: solidDefinition((d) => void (d.funding.eu = 160000)),
			project: 'SOLID'
		}),
		'Mainīja projekta SOLID plānu',
		'Changed the plan of SOLID'
	],
	[
		event('plan.amend', {
			before: solidDefinition(),
			after: solidDefinition((d) => void (d.decision.number = '120')),
			project: 'SOLID'
		}),
		'Reģistrēja projekta SOLID plāna grozījumus',
		'Recorded an amendment of the plan of SOLID'
	],
	[
		event('plan.draft-create', {
			after: { version: 2, basedOn: 1, note: '2019: +40,20 EUR' },
			project: 'SOLID'
		}),
		'Sagatavoja projekta SOLID plāna versijas 2 melnrakstu no grozījumu priekšlikuma',
		'Drafted plan version 2 of SOLID from the amendment proposal'
	],
	[
		event('plan.draft-edit', {
			before: { version: 2, funding: solidDefinition().funding },
			after: { version: 2, funding: solidDefinition().funding },
			project: 'SOLID'
		}),
		'Mainīja projekta SOLID plāna melnraksta (versija 2) summas',
		'Changed the figures of draft plan version 2 of SOLID'
	],
	[
		event('plan.draft-submit', {
			before: { version: 2, status: 'draft' },
			after: { version: 2, status: 'submitted' },
			project: 'SOLID'
		}),
		'Iesniedza domei projekta SOLID plāna melnrakstu (versija 2)',
		'Submitted draft plan version 2 of SOLID to the council'
	],
	[
		event('plan.draft-return', {
			before: { version: 2, status: 'submitted' },
			after: { version: 2, status: 'draft' },
			project: 'SOLID'
		}),
		'Atgrieza projekta SOLID plāna versiju 2 melnrakstā',
		'Returned plan version 2 of SOLID to draft'
	],
	[
		event('plan.draft-discard', { before: { version: 2, note: 'x' }, project: 'SOLID' }),
		'Dzēsa projekta SOLID plāna melnrakstu (versija 2)',
		'Discarded draft plan version 2 of SOLID'
	],
	[
		event('project.member-add', { after: { email: jb.email, role: 'council' }, project: 'SOLID' }),
		'Piešķīra janis@cofund.example piekļuvi projektam SOLID',
		'Gave janis@cofund.example access to SOLID'
	],
	[
		event('project.member-remove', { before: { ...jb, project: 'SOLID' } }),
		'Atņēma Jānis Bērziņš piekļuvi projektam SOLID',
		'Removed Jānis Bērziņš from SOLID'
	],
	[
		event('user.create', user({ ...jb, role: 'council' })),
		'Pievienoja lietotāju Jānis Bērziņš ar lomu “Domes pārstāvis”',
		'Added Jānis Bērziņš as Council member'
	],
	[
		event('user.password', user(null)),
		'Iestatīja jaunu paroli lietotājam janis@cofund.example',
		'Set a new password for janis@cofund.example'
	],
	[
		event('user.role-change', user({ ...jb, from: 'council', to: 'auditor' })),
		'Mainīja lietotāja Jānis Bērziņš lomu uz “Auditors”',
		'Changed the role of Jānis Bērziņš to Auditor'
	],
	[
		event('user.disable', user(jb)),
		'Atspējoja lietotāja Jānis Bērziņš kontu',
		'Disabled the account of Jānis Bērziņš'
	],
	[
		event('user.enable', user(jb)),
		'Atkal iespējoja lietotāja Jānis Bērziņš kontu',
		'Re-enabled the account of Jānis Bērziņš'
	],
	[
		event('user.reset-link', user(jb)),
		'Izsniedza paroles atjaunošanas saiti lietotājam Jānis Bērziņš',
		'Issued a password-reset link for Jānis Bērziņš'
	],
	[
		event('user.password-reset', user(jb)),
		'Lietotāja Jānis Bērziņš parole atjaunota ar saiti',
		'Reset the password of Jānis Bērziņš with a link'
	],
	[event('auth.sign-in', user({ address: '127.0.0.1' })), 'Pieteicās', 'Signed in'],
	[
		event('auth.sign-in-failed', user({ address: '127.0.0.1' })),
		'Neizdevās pieteikties kā janis@cofund.example',
		'Failed to sign in as janis@cofund.example'
	],
	[
		event('import.commit', {
			objectType: 'import',
			objectId: '3',
			project: 'SOLID',
			after: { project: 'SOLID', kind: 'expenses', file: 'ledger.csv', accepted: 33 }
		}),
		'Importēja ledger.csv (33 rindas)',
		'Imported ledger.csv (33 rows)'
	],
	[
		event('import.revert', {
			objectType: 'import',
			objectId: '3',
			project: 'SOLID',
			before: { file: 'ledger.csv', sha256: 'ab'.repeat(32), accepted: 21 },
			after: { reverted: 21 }
		}),
		'Atsauca projekta SOLID importu #3 (ledger.csv, 21 rinda)',
		'Reverted import #3 of SOLID (ledger.csv, 21 rows)'
	],
	[
		event('profile.create', { objectType: 'mapping-profile', objectId: 'Ledger', after: {} }),
		'Saglabāja jaunu kartējuma profilu “Ledger”',
		'Saved a new mapping profile “Ledger”'
	],
	[
		event('profile.update', {
			objectType: 'mapping-profile',
			objectId: 'Ledger',
			before: { delimiter: ';' },
			after: { delimiter: ',' }
		}),
		'Mainīja kartējuma profilu “Ledger”',
		'Changed the mapping profile “Ledger”'
	],
	[
		event('document.generate', {
			objectType: 'document',
			objectId: '7',
			project: 'SOLID',
			after: { project: 'SOLID', template: 'council-annex', version: 1, lang: 'lv' }
		}),
		'Izveidoja projekta SOLID dokumentu “Domes lēmuma pielikums” (v1)',
		'Made “Domes lēmuma pielikums” of SOLID (v1)'
	],
	[
		event('template.register', {
			objectType: 'template',
			objectId: 'final-report',
			after: { version: 1, sha256: 'cd'.repeat(32), origin: 'file', affects: [] }
		}),
		'Reģistrēja veidni “final-report” (v1)',
		'Registered the template “final-report” (v1)'
	],
	[
		event('template.edit', {
			objectType: 'template',
			objectId: 'council-annex',
			before: { version: 1, sha256: 'ab'.repeat(32) },
			after: { version: 2, sha256: 'cd'.repeat(32), origin: 'edit', affects: ['SOLID'] }
		}),
		'Laboja veidni “Domes lēmuma pielikums” (tagad v2)',
		'Edited the template “Domes lēmuma pielikums” (now v2)'
	],
	[
		event('template.render_failed', {
			objectType: 'template',
			objectId: 'council-annex',
			after: { templateId: 'council-annex', version: 2, project: 'SOLID', problem: 'x', line: 4 }
		}),
		'Veidni “Domes lēmuma pielikums” v2 neizdevās atveidot projektam SOLID',
		'The template “Domes lēmuma pielikums” v2 failed to render for SOLID'
	],
	[
		event('upload.remove-stale', {
			objectType: 'upload',
			objectId: '2',
			before: { files: [{ name: 'a.csv', project: 'SOLID' }, { name: 'b.csv' }] }
		}),
		'Dzēsa neizmantotus augšupielādētus failus (2)',
		'Removed unused uploaded files (2)'
	],
	[
		event('audit.keyed', {
			objectType: 'audit',
			objectId: 'chain',
			after: { legacyEvents: 12, legacyHead: 'ef'.repeat(32), key: 'k1' }
		}),
		'Noslēdza audita žurnālu ar audita atslēgu (iepriekšējie ieraksti: 12)',
		'Sealed the audit log with the audit key (12 earlier events)'
	],
	[
		event('backup.create', { objectType: 'backup', objectId: 'b.tar.gz' }),
		'Izveidoja rezerves kopiju',
		'Made a backup'
	],
	[
		event('backup.restore', { objectType: 'backup', objectId: 'b.tar.gz' }),
		'Atjaunoja datus no rezerves kopijas',
		'Restored a backup'
	],
	[
		event('draft.keep', {
			objectType: 'project-draft',
			objectId: '4',
			after: { code: 'NEW1', title: 'Sződliget' }
		}),
		'Saglabāja jauna projekta melnrakstu 4',
		'Kept draft 4 of a new project'
	],
	[
		event('draft.discard', {
			objectType: 'project-draft',
			objectId: '4',
			before: { code: 'NEW1' }
		}),
		'Atmeta jauna projekta melnrakstu 4',
		'Discarded draft 4 of a new project'
	],
	[
		event('report.narrative', {
			objectType: 'project',
			objectId: 'SOLID',
			project: 'SOLID',
			before: { project: 'SOLID', event: 1, section: 'results', text_lv: '', text_en: '' },
			after: { project: 'SOLID', event: 1, section: 'results', text_lv: 'Plāns', text_en: '' }
		}),
		'Mainīja projekta SOLID noslēguma ziņojuma tekstu',
		'Changed a text of the final report of SOLID'
	],
	[
		event('office.update', {
			objectType: 'office',
			objectId: 'letterhead',
			after: { name_lv: 'Daugavpils valstspilsētas pašvaldība', name_en: '', logo: null }
		}),
		'Mainīja pašvaldības nosaukumu un logotipu dokumentu galvenē',
		"Changed the municipality's name and logo on documents"
	],
	[
		event('finding.verify', {
			objectType: 'expense',
			objectId: '12',
			before: { project: 'SOLID', finding: null },
			after: {
				project: 'SOLID',
				finding: { state: 'verified', deductedCents: 0 },
				text: null,
				files: []
			}
		}),
		'Atzīmēja projekta SOLID izdevumu Nr. 12 kā pārbaudītu',
		'Verified expense No. 12 of SOLID'
	],
	...(
		[
			[
				'finding.query',
				'Uzdeva jautājumu par projekta SOLID izdevumu Nr. 12',
				'Queried expense No. 12 of SOLID'
			],
			[
				'finding.deduct',
				'Atzina projekta SOLID izdevumu Nr. 12 par neattiecināmu',
				'Found expense No. 12 of SOLID ineligible'
			],
			[
				'finding.answer',
				'Atbildēja uz jautājumu par projekta SOLID izdevumu Nr. 12',
				'Answered the query on expense No. 12 of SOLID'
			],
			[
				'finding.close',
				'Slēdza jautājumu par projekta SOLID izdevumu Nr. 12',
				'Closed the query on expense No. 12 of SOLID'
			],
			[
				'finding.keep',
				'Atstāja atvērtu jautājumu par projekta SOLID izdevumu Nr. 12',
				'Kept the query on expense No. 12 of SOLID open'
			],
			[
				'finding.clear',
				'Atcēla konstatējumu par projekta SOLID izdevumu Nr. 12',
				'Cleared the finding on expense No. 12 of SOLID'
			]
		] as const
	).map(([action, lv, en]): [StoredEvent, string, string] => [
		event(action, { objectType: 'expense', objectId: '12', after: { project: 'SOLID' } }),
		lv,
		en
	]),
	...(
		[
			[
				'control-reason.add',
				'Pievienoja atskaitījuma iemeslu no-pass',
				'Added the deduction reason no-pass'
			],
			[
				'control-reason.rename',
				'Pārdēvēja atskaitījuma iemeslu no-pass',
				'Renamed the deduction reason no-pass'
			],
			[
				'control-reason.reorder',
				'Pārvietoja atskaitījuma iemeslu no-pass',
				'Moved the deduction reason no-pass'
			],
			[
				'control-reason.retire',
				'Pārtrauca lietot atskaitījuma iemeslu no-pass',
				'Retired the deduction reason no-pass'
			],
			[
				'control-reason.restore',
				'Atjaunoja atskaitījuma iemeslu no-pass',
				'Restored the deduction reason no-pass'
			]
		] as const
	).map(([action, lv, en]): [StoredEvent, string, string] => [
		event(action, {
			objectType: 'control-reason',
			objectId: 'no-pass',
			after: { labelEn: 'No pass' }
		}),
		lv,
		en
	]),
	[
		event('sample.draw', {
			objectType: 'control_sample',
			objectId: '1/2',
			project: 'SOLID',
			after: { method: 'mus', size: 10, seed: 's', rows: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }
		}),
		'Izlozēja projekta SOLID kontroles izlasi (10 rindas)',
		'Drew a control sample of SOLID (10 rows)'
	],
	[
		event('period.close', { after: { period: 1, starts: '2018-01-01', ends: '2018-12-31' } }),
		'Slēdza izmaiņām projekta SOLID pārskata periodu',
		'Closed a reporting period of SOLID to changes'
	],
	[
		event('period.reopen', { after: { reopenReason: 'A late invoice' } }),
		'No jauna atvēra projekta SOLID pārskata periodu',
		'Reopened a reporting period of SOLID'
	],
	[
		event('retention.edit', {
			before: { keepUntil: '2024-12-31' },
			after: { keepUntil: '2030-12-31', reason: 'Audit' }
		}),
		'Mainīja termiņu, līdz kuram glabā projekta SOLID ierakstus',
		'Changed the date until which the records of SOLID are kept'
	],
	[
		event('project.purge', { before: { keepUntil: '2024-12-31' }, after: { rows: 40 } }),
		'Dzēsa projekta SOLID ierakstus pēc glabāšanas termiņa beigām',
		'Purged the records of SOLID after their retention ended'
	]
];

describe('the wording of audit events', () => {
	it('covers every action cofund records or has reserved', () => {
		expect(new Set(CASES.map(([e]) => e.action))).toEqual(new Set(KNOWN_ACTIONS));
	});

	for (const [stored, lv, en] of CASES) {
		it(`says ${stored.action} in LV and EN`, () => {
			expect(sayEvent(stored, 'lv', names).sentence).toBe(lv);
			expect(sayEvent(stored, 'en', names).sentence).toBe(en);
			// Every action has a name of its own, not its code.
			expect(actionName(stored.action, 'lv')).not.toBe(stored.action);
			expect(actionName(stored.action, 'en')).not.toBe(stored.action);
		});
	}

	it('says an action it does not know by its code and object, and its fields', () => {
		const said = sayEvent(
			event('thing.happen', { objectType: 'thing', objectId: '9', after: { colour: 'red' } }),
			'en'
		);
		expect(said).toEqual({
			name: 'thing.happen',
			sentence: 'thing.happen: thing 9',
			changes: ['colour: red']
		});
	});

	it('says a reserved action whose payload lacks what it names, without failing', () => {
		const said = sayEvent(event('user.role-change', { objectType: 'user', objectId: '' }), 'lv');
		expect(said.sentence).toBe('Mainīja lietotāja ? lomu uz “?”');
		expect(sayEvent(event('import.commit', { after: 'odd' }), 'en').sentence).toBe(
			'Imported ? (?)'
		);
	});
});

describe('the change of an event', () => {
	it('shows only the plan fields that changed, with labels and money in EUR', () => {
		const before = solidDefinition();
		const after = solidDefinition((d) => {
			d.funding.eu = 160000;
			d.funding.years = [...d.funding.years].reverse();
			d.funding.years.find((y) => y.year === 2019)!.cofinancing = 70000;
			d.events = d.events.filter((e) => e.number !== 2).reverse();
		});
		const said = sayEvent(event('project.update', { before, after, project: 'SOLID' }), 'en');
		expect(said.changes.map((c) => c.replaceAll(NBSP, ' '))).toEqual([
			'Event 2 removed: Bulgaria, June 2018 (6 representatives)',
			'EU co-financing: 1,500 EUR → 1,600 EUR',
			'Co-financing (2019): 670 EUR → 700 EUR'
		]);
		// The years and events were reordered too, but matched by year and number that is no change.
		expect(said.changes.join()).not.toMatch(/2018\)|Event [1345]/);
	});

	it('says a draft edit as the plan fields it changed', () => {
		const before = { version: 2, funding: solidDefinition().funding };
		const after = {
			version: 2,
			funding: solidDefinition((d) => void (d.funding.years[1]!.prefinancing = 39000)).funding
		};
		const said = sayEvent(event('plan.draft-edit', { before, after, project: 'SOLID' }), 'en');
		expect(said.changes.map((c) => c.replaceAll(NBSP, ' '))).toEqual([
			'Pre-financing (2019): 400 EUR → 390 EUR'
		]);
		const created = sayEvent(
			event('plan.draft-create', { after: { version: 2, basedOn: 1, note: 'x' } }),
			'lv'
		);
		expect(created.changes).toEqual(['Pamatā versija: 1', 'Piezīme: x']);
	});

	it('says the facts of an import, money in EUR and not in cents', () => {
		const said = sayEvent(
			event('import.commit', {
				objectType: 'import',
				objectId: '3',
				after: {
					project: 'SOLID',
					file: 'ledger.csv',
					records: 35,
					accepted: 33,
					acceptedTotal: 412345,
					sha256: 'ab'.repeat(32),
					size: 4096
				}
			}),
			'lv'
		);
		expect(said.changes.map((c) => c.replaceAll(NBSP, ' '))).toContain(
			'Pieņemtā summa: 4123,45 EUR'
		);
		expect(said.changes).toContain('Ieraksti failā: 35');
		expect(said.changes).toContain('SHA-256: abababababababab…');
		expect(said.changes).toContain('Izmērs: 4 KB');
		expect(said.changes.join()).not.toContain('412345');
	});

	it('lists an import’s facts in the order of its report, and no amount for travel orders', () => {
		const travel = event('import.commit', {
			objectType: 'import',
			objectId: '4',
			after: {
				size: 1700,
				kind: 'participation',
				file: 'travel.csv',
				accepted: 15,
				records: 15,
				rejected: 0,
				setAside: 0,
				acceptedTotal: 0
			}
		});
		expect(sayEvent(travel, 'en').changes).toEqual([
			'Kind: Travel orders (participation)',
			'Records in the file: 15',
			'Accepted: 15',
			'Rejected: 0',
			'Set aside: 0',
			'Size: 1.7 KB'
		]);
	});

	it('names the projects a template edit affects, and the ones with documents kept', () => {
		const edit = event('template.edit', {
			objectType: 'template',
			objectId: 'council-annex',
			before: { version: 1, sha256: 'ab'.repeat(32) },
			after: {
				version: 2,
				sha256: 'cd'.repeat(32),
				affects: { projects: ['OTHER', 'SOLID'], withKeptDocuments: ['SOLID'] }
			}
		});
		expect(sayEvent(edit, 'lv').changes).toEqual([
			'SHA-256: abababababababab… → cdcdcdcdcdcdcdcd…',
			'Versija: 1 → 2',
			'Skartie projekti: OTHER, SOLID',
			'Ar glabātiem dokumentiem: SOLID'
		]);
	});

	it('shows a role change as before → after, in the reader’s words', () => {
		const stored = event('user.role-change', user({ ...jb, from: 'council', to: 'auditor' }));
		expect(sayEvent(stored, 'lv').changes).toEqual(['Loma: Domes pārstāvis → Auditors']);
		expect(sayEvent(stored, 'en').changes).toEqual(['Role: Council member → Auditor']);
	});

	it('says the people and backup events as they are recorded, times in Riga time', () => {
		const role = event('user.role-change', {
			...user({ ...jb, from: 'council', to: 'auditor' }, { role: 'council' })
		});
		expect(sayEvent(role, 'en').changes).toEqual(['Role: Council member → Auditor']);
		const disabled = event('user.disable', user({ ...jb, sessionsEnded: 2 }));
		expect(sayEvent(disabled, 'lv').changes).toEqual(['Beigtās sesijas: 2']);
		const link = event('user.reset-link', user({ ...jb, expiresAt: '2026-11-24T21:53:00.000Z' }));
		expect(sayEvent(link, 'lv').changes).toEqual(['Derīga līdz: 24.11.2026. 23:53']);
		const backup = event('backup.create', {
			objectType: 'backup',
			objectId: 'b.tar.gz',
			after: { bytes: 2048, auditEvents: 40, counts: { projects: 2 } }
		});
		expect(sayEvent(backup, 'en').changes).toEqual([
			'Audit events: 40',
			'Size: 2 KB',
			'Rows › projects: 2'
		]);
	});

	it('leaves out the fields that did not change', () => {
		expect(
			changeText({ part: 'field', field: 'delimiter', kind: 'text', before: ';', after: ',' }, 'en')
		).toBe('delimiter: ; → ,');
		const said = sayEvent(
			event('profile.update', {
				objectType: 'mapping-profile',
				objectId: 'Ledger',
				before: { delimiter: ';', columns: { amount: 'Summa', date: 'Datums' } },
				after: { delimiter: ';', columns: { amount: 'Summa EUR', date: 'Datums' } }
			}),
			'en'
		);
		expect(said.changes).toEqual(['columns › amount: Summa → Summa EUR']);
	});
});
