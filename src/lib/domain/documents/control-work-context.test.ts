import { describe, expect, it } from 'vitest';
import { solidDefinition } from '$tests/factories/projects';
import { buildContext } from './build-context';
import { controlChanges } from './control-changes';
import { controlWorkContext } from './control-work-context';
import type { ControlData, ControlExpense } from './control-records';
import { documentContextSchema } from './document-context';

const expense = (line: number, date: string, cents: number, category: string): ControlExpense => ({
	key: `row-${line}#0`,
	date,
	cents,
	currency: 'EUR',
	category,
	event: null,
	document: `DOC-${line}`,
	payee: 'airBaltic Corporation AS',
	description: `Expense on line ${line}`,
	file: 'ledger.csv',
	line,
	reverted: false
});

const AUDITOR = 'ieva@cofund.test';
const E = [
	expense(2, '2018-02-27', 42690, '2122'),
	expense(3, '2018-03-05', 3850, '2311'),
	expense(4, '2019-03-09', 1170, '2122')
];

function data(): ControlData {
	return {
		expenses: E,
		findings: [
			{
				expense: E[0]!.key,
				state: 'verified',
				deducted: 0,
				reason: null,
				note: null,
				entries: [
					{
						action: 'verify',
						state: 'verified',
						deducted: 0,
						reason: null,
						text: null,
						by: AUDITOR,
						at: '2026-11-25T09:00:00.000Z',
						evidence: []
					}
				]
			},
			{
				expense: E[1]!.key,
				state: 'ineligible',
				deducted: 2000,
				reason: 'no-pass',
				note: 'No pass for one leg',
				entries: [
					{
						action: 'deduct',
						state: 'ineligible',
						deducted: 2000,
						reason: 'no-pass',
						text: 'No pass for one leg',
						by: AUDITOR,
						at: '2026-11-26T09:00:00.000Z',
						evidence: []
					}
				]
			},
			{
				expense: E[2]!.key,
				state: 'queried',
				deducted: 0,
				reason: null,
				note: 'Policy?',
				entries: [
					{
						action: 'query',
						state: 'queried',
						deducted: 0,
						reason: null,
						text: 'Policy?',
						by: AUDITOR,
						at: '2026-11-26T10:00:00.000Z',
						evidence: []
					},
					{
						action: 'answer',
						state: 'queried',
						deducted: 0,
						reason: null,
						text: 'Attached',
						by: 'janis@cofund.test',
						at: '2026-11-27T10:00:00.000Z',
						evidence: [{ name: 'polise.pdf', size: 15, sha256: 'ab'.repeat(32) }]
					}
				]
			}
		],
		samples: [
			{
				number: 1,
				method: 'mus',
				strata: 'none',
				size: 2,
				seed: 'seed-1',
				params: {
					generator: {
						algorithm: 'xoroshiro128+',
						library: 'pure-rand',
						libraryVersion: '8.4.2',
						version: 1
					},
					filter: { years: [2018] }
				},
				population: { rows: 3, cents: 47710, sha256: 'cd'.repeat(32) },
				drawnBy: AUDITOR,
				drawnAt: '2026-11-24T08:00:00.000Z',
				items: [
					{ position: 1, expense: E[0]!.key, stratum: '' },
					{ position: 2, expense: E[2]!.key, stratum: '' }
				]
			}
		],
		reasons: [{ code: 'no-pass', lv: 'Nav iekāpšanas kartes', en: 'No boarding pass' }],
		people: [{ email: AUDITOR, name: 'Ieva Auditore', role: 'auditor' }]
	};
}

describe('the control report context', () => {
	it('names the samples with how they were drawn, and each item with its finding', () => {
		const c = controlWorkContext(data(), 'lv');
		expect(c.samples[0]).toMatchObject({
			number: 1,
			method: 'mus',
			seed: 'seed-1',
			interval: 23855,
			generator: 'xoroshiro128+, pure-rand 8.4.2, v1',
			filter: 'years: 2018',
			population: { rows: 3, total: 47710 },
			drawn_by: 'Ieva Auditore',
			drawn_at: '24.11.2026. 10:00',
			checked: 2
		});
		expect(c.sample_items.map((i) => [i.sample, i.position, i.state, i.source])).toEqual([
			[1, 1, 'verified', 'ledger.csv:2'],
			[1, 2, 'queried', 'ledger.csv:4']
		]);
	});

	it('writes each finding with its reason in the language and its thread, evidence and all', () => {
		const en = controlWorkContext(data(), 'en');
		expect(en.findings[1]).toMatchObject({
			state: 'ineligible',
			deducted: 2000,
			reason: 'No boarding pass'
		});
		expect(controlWorkContext(data(), 'lv').findings[1]!.reason).toBe('Nav iekāpšanas kartes');
		const thread = en.findings[2]!.thread;
		expect(thread.map((t) => [t.action, t.by, t.text])).toEqual([
			['query', 'Ieva Auditore', 'Policy?'],
			['answer', 'janis@cofund.test', 'Attached']
		]);
		expect(thread[1]!.evidence).toEqual([
			{ name: 'polise.pdf', size: 15, sha256: 'ab'.repeat(32) }
		]);
		// The auditor is who acted last among the auditors, not the coordinator who answered.
		expect(en.auditor).toEqual({ name: 'Ieva Auditore', email: AUDITOR, role: 'auditor' });
		expect(en.period).toEqual({ start: '2026-11-24', end: '2026-11-26' });
	});

	it('takes the MUS interval from the pass the draw recorded', () => {
		const recorded = data();
		recorded.samples[0]!.params = {
			strata: [
				{ key: '', rows: 3, cents: 47710, size: 2, pass: { cents: 4269, selections: 1, start: 7 } }
			]
		};
		expect(controlWorkContext(recorded, 'lv').samples[0]!.interval).toBe(4269);
	});

	it('reads well with no sample and no finding, and fits the schema', () => {
		const empty: ControlData = { expenses: [], findings: [], samples: [], reasons: [], people: [] };
		const scope = buildContext(
			{ plan: solidDefinition(), expenses: [], control: empty },
			{
				lang: 'en',
				date: '2026-11-30',
				template: 'control-report',
				version: 1,
				expenseLimit: 10,
				csvLink: ''
			}
		);
		expect(scope.control_work).toMatchObject({
			samples: [],
			findings: [],
			auditor: { name: '' },
			period: { start: '' }
		});
		expect(documentContextSchema.shape.control_work.safeParse(scope.control_work).success).toBe(
			true
		);
		expect(
			buildContext(
				{ plan: solidDefinition() },
				{ lang: 'en', date: '2026-11-30', template: 'x', version: 1, expenseLimit: 10, csvLink: '' }
			).control_work
		).toBeUndefined();
	});
});

describe('what changed in the control since a document', () => {
	it('names the expenses whose finding is new or changed, samples drawn since, and names', () => {
		const before = data();
		const after = data();
		after.findings[2]!.entries.push({
			action: 'close',
			state: 'verified',
			deducted: 0,
			reason: null,
			text: null,
			by: AUDITOR,
			at: '2026-11-28T10:00:00.000Z',
			evidence: []
		});
		after.samples.push({ ...after.samples[0]!, number: 2 });
		after.people[0]!.name = 'Ieva Auditore-Kalniņa';
		expect(controlChanges(before, after)).toEqual([
			{
				part: 'control',
				what: 'findings',
				change: 'changed',
				count: 1,
				rows: [{ file: 'ledger.csv', line: 4 }]
			},
			{ part: 'control', what: 'samples', numbers: [2] },
			{ part: 'control', what: 'names' }
		]);
		expect(controlChanges(before, data())).toEqual([]);
	});
});
