import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages.js';

/**
 * Counts in messages take the form the language's plural rules give (CLDR, through Intl and
 * paraglide's `plural` selector): Latvian `one` is n%10=1 and n%100≠11 (1, 21, 101), `zero` is
 * n%10=0 or n%100 in 11..19 (0, 10, 11), written like `other` (2, 22) in these messages;
 * English `one` is 1 alone.
 */
const NUMBERS = [0, 1, 2, 11, 21, 22] as const;
const each = (say: (n: number) => string) => NUMBERS.map(say);

describe('plural forms by the language’s rules', () => {
	it('sees Latvian one in 1 and 21, zero in 0 and 11, other in 2 and 22', () => {
		const rules = new Intl.PluralRules('lv');
		expect(NUMBERS.map((n) => rules.select(n))).toEqual([
			'zero',
			'one',
			'other',
			'zero',
			'one',
			'other'
		]);
	});

	it('counts problems: “1 problem”, never “1 problems”', () => {
		const say = (locale: 'lv' | 'en') => (count: number) =>
			m.cli_invalid_definition({ file: 'p.json', count }, { locale });
		expect(each(say('en'))).toEqual([
			'p.json: the project definition is not valid (0 problems):',
			'p.json: the project definition is not valid (1 problem):',
			'p.json: the project definition is not valid (2 problems):',
			'p.json: the project definition is not valid (11 problems):',
			'p.json: the project definition is not valid (21 problems):',
			'p.json: the project definition is not valid (22 problems):'
		]);
		expect(each(say('lv'))).toEqual([
			'p.json: projekta apraksts nav derīgs (0 kļūdas):',
			'p.json: projekta apraksts nav derīgs (1 kļūda):',
			'p.json: projekta apraksts nav derīgs (2 kļūdas):',
			'p.json: projekta apraksts nav derīgs (11 kļūdas):',
			'p.json: projekta apraksts nav derīgs (21 kļūda):',
			'p.json: projekta apraksts nav derīgs (22 kļūdas):'
		]);
	});

	it('counts rows and records', () => {
		const rows = (locale: 'lv' | 'en') => (count: number) =>
			m.rows_summary({ count, amount: 'X' }, { locale });
		expect(each(rows('lv'))).toEqual([
			'0 rindas, kopā X',
			'1 rinda, kopā X',
			'2 rindas, kopā X',
			'11 rindas, kopā X',
			'21 rinda, kopā X',
			'22 rindas, kopā X'
		]);
		expect(each(rows('en'))).toEqual([
			'0 rows, X in all',
			'1 row, X in all',
			'2 rows, X in all',
			'11 rows, X in all',
			'21 rows, X in all',
			'22 rows, X in all'
		]);
		const commit = (locale: 'lv' | 'en') => (count: number) =>
			m.import_commit({ count }, { locale });
		expect(each(commit('lv'))).toEqual([
			'Importēt 0 ierakstus',
			'Importēt 1 ierakstu',
			'Importēt 2 ierakstus',
			'Importēt 11 ierakstus',
			'Importēt 21 ierakstu',
			'Importēt 22 ierakstus'
		]);
		expect(each(commit('en'))).toEqual([
			'Import 0 records',
			'Import 1 record',
			'Import 2 records',
			'Import 11 records',
			'Import 21 records',
			'Import 22 records'
		]);
	});

	it('agrees the verb with the mobilities done, and the noun with those planned', () => {
		const behind = (locale: 'lv' | 'en') => (done: number) =>
			m.alert_event_behind({ event: 2, month: '06.2018.', done, planned: done + 1 }, { locale });
		expect(each(behind('lv'))).toEqual([
			'2. pasākums (06.2018.): notikušas 0 no 1 mobilitātes.',
			'2. pasākums (06.2018.): notikusi 1 no 2 mobilitātēm.',
			'2. pasākums (06.2018.): notikušas 2 no 3 mobilitātēm.',
			'2. pasākums (06.2018.): notikušas 11 no 12 mobilitātēm.',
			'2. pasākums (06.2018.): notikusi 21 no 22 mobilitātēm.',
			'2. pasākums (06.2018.): notikušas 22 no 23 mobilitātēm.'
		]);
		expect(each(behind('en'))).toEqual([
			'Event 2 (06.2018.): 0 of 1 mobility done.',
			'Event 2 (06.2018.): 1 of 2 mobilities done.',
			'Event 2 (06.2018.): 2 of 3 mobilities done.',
			'Event 2 (06.2018.): 11 of 12 mobilities done.',
			'Event 2 (06.2018.): 21 of 22 mobilities done.',
			'Event 2 (06.2018.): 22 of 23 mobilities done.'
		]);
	});

	it('takes each count on its own when a message holds several', () => {
		const total = (locale: 'lv' | 'en') => (events: number) =>
			m.events_total({ events, mobilities: events + 20 }, { locale });
		expect(each(total('lv'))).toEqual([
			'Kopā: 0 pasākumi, 20 mobilitātes',
			'Kopā: 1 pasākums, 21 mobilitāte',
			'Kopā: 2 pasākumi, 22 mobilitātes',
			'Kopā: 11 pasākumi, 31 mobilitāte',
			'Kopā: 21 pasākums, 41 mobilitāte',
			'Kopā: 22 pasākumi, 42 mobilitātes'
		]);
		expect(each(total('en'))).toEqual([
			'In all: 0 events, 20 mobilities',
			'In all: 1 event, 21 mobilities',
			'In all: 2 events, 22 mobilities',
			'In all: 11 events, 31 mobilities',
			'In all: 21 events, 41 mobilities',
			'In all: 22 events, 42 mobilities'
		]);
		const mobilities = (completed: number) =>
			m.summary_mobilities(
				{ planned: 21, completed, cancelled: completed === 1 ? 1 : 2 },
				{
					locale: 'lv'
				}
			);
		expect(each(mobilities)).toEqual([
			'Mobilitātes: plānota 21, notikušas 0, atceltas 2',
			'Mobilitātes: plānota 21, notikusi 1, atcelta 1',
			'Mobilitātes: plānota 21, notikušas 2, atceltas 2',
			'Mobilitātes: plānota 21, notikušas 11, atceltas 2',
			'Mobilitātes: plānota 21, notikusi 21, atceltas 2',
			'Mobilitātes: plānota 21, notikušas 22, atceltas 2'
		]);
	});

	it('counts fields to fix, reverted rows and audit events', () => {
		expect(m.editor_invalid_summary({ count: 1 }, { locale: 'en' })).toBe(
			'Cannot save: 1 field needs fixing. It is marked below.'
		);
		expect(m.editor_invalid_summary({ count: 21 }, { locale: 'lv' })).toBe(
			'Saglabāt nevar: 21 lauks jāizlabo. Tas ir iezīmēts zemāk.'
		);
		expect(m.editor_invalid_summary({ count: 11 }, { locale: 'lv' })).toBe(
			'Saglabāt nevar: 11 lauki jāizlabo. Tie ir iezīmēti zemāk.'
		);
		expect(m.imports_reverted({ batch: 3, rows: 1 }, { locale: 'en' })).toBe(
			'Import #3 reverted: its 1 row no longer counts, and stays marked reverted.'
		);
		expect(m.cli_revert_done({ batch: 3, rows: 22 }, { locale: 'lv' })).toBe(
			'Imports #3 atsaukts: tā 22 rindas vairs netiek skaitītas un paliek atzīmētas kā atsauktas.'
		);
		expect(m.audit_count({ total: 21, page: 1, pages: 1 }, { locale: 'lv' })).toBe(
			'21 ieraksts · lapa 1 no 1'
		);
		expect(m.audit_count({ total: 21, page: 1, pages: 1 }, { locale: 'en' })).toBe(
			'21 events · page 1 of 1'
		);
	});
});
