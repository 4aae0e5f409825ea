import { describe, expect, it } from 'vitest';
import { parseCountry, parseEventRef, parseFundingSource, parseStatus } from './values';

describe('parseStatus', () => {
	it.each([
		['Notika', 'done'],
		['NOTIKA', 'done'],
		['notika', 'done'],
		['Izpildīts', 'done'],
		['Completed', 'done'],
		['took place', 'done'],
		['Atcelts', 'cancelled'],
		['ATCELTS', 'cancelled'],
		['atcelta', 'cancelled'],
		['Nenotika', 'cancelled'],
		['Cancelled', 'cancelled'],
		['canceled', 'cancelled'],
		['Did not take place', 'cancelled'],
		['  Notika  ', 'done']
	])('reads %j as %s', (text, status) => {
		expect(parseStatus(text)).toBe(status);
	});

	it('reads nothing from a word it does not know, or from nothing', () => {
		expect(parseStatus('Plānots')).toBeUndefined();
		expect(parseStatus('')).toBeUndefined();
	});

	it('lets a profile add its own words, compared folded', () => {
		const own = { Realizēts: 'done', 'Nav notikusi': 'cancelled' } as const;
		expect(parseStatus('REALIZETS', own)).toBe('done');
		expect(parseStatus('nav notikusi', own)).toBe('cancelled');
	});

	it("lets a profile's own word win over the built-in meaning", () => {
		expect(parseStatus('Notika', { notika: 'cancelled' })).toBe('cancelled');
	});
});

describe('parseFundingSource', () => {
	it.each([
		['ES', 'eu'],
		['es', 'eu'],
		['EU', 'eu'],
		['Eiropas Savienība', 'eu'],
		['European Union', 'eu'],
		['Programma', 'eu'],
		['Pašvaldība', 'council'],
		['PASVALDIBA', 'council'],
		['Pašvaldības budžets', 'council'],
		['Council', 'council'],
		['Municipality', 'council'],
		['co-financing', 'council'],
		['Līdzfinansējums', 'council']
	])('reads %j as %s', (text, source) => {
		expect(parseFundingSource(text)).toBe(source);
	});

	it('reads nothing from an unknown source', () => {
		expect(parseFundingSource('Valsts budžets')).toBeUndefined();
		expect(parseFundingSource('')).toBeUndefined();
	});

	it('lets a profile add its own words', () => {
		expect(parseFundingSource('Interreg', { interreg: 'eu' })).toBe('eu');
	});
});

describe('parseCountry', () => {
	it.each([
		['Beļģija', 'BE'],
		['BEĻĢIJA', 'BE'],
		['Belgija', 'BE'],
		['Belgium', 'BE'],
		['BE', 'BE'],
		['be', 'BE'],
		[' Be ', 'BE'],
		['Bulgārija', 'BG'],
		['Grieķija', 'GR'],
		['Greece', 'GR'],
		['Itālija', 'IT'],
		['Latvija', 'LV'],
		['Ungārija', 'HU'],
		['Polija', 'PL'],
		['Germany', 'DE'],
		['Vācija', 'DE']
	])('reads %j as %s', (text, code) => {
		expect(parseCountry(text)).toBe(code);
	});

	it('reads former and informal names as the country of today', () => {
		expect(parseCountry('Maķedonija')).toBe('MK');
		expect(parseCountry('Ziemeļmaķedonija')).toBe('MK');
		expect(parseCountry('Macedonia')).toBe('MK');
		expect(parseCountry('Czech Republic')).toBe('CZ');
		expect(parseCountry('Čehija')).toBe('CZ');
		expect(parseCountry('Turkey')).toBe('TR');
		expect(parseCountry('Great Britain')).toBe('GB');
	});

	it('reads names that withdrawn codes share as the country of today', () => {
		// CLDR also names SU "Russia", FX "France", YU and CS "Serbia", HV "Burkina Faso".
		expect(parseCountry('France')).toBe('FR');
		expect(parseCountry('Francija')).toBe('FR');
		expect(parseCountry('Russia')).toBe('RU');
		expect(parseCountry('Krievija')).toBe('RU');
		expect(parseCountry('Serbia')).toBe('RS');
		expect(parseCountry('Serbija')).toBe('RS');
		expect(parseCountry('Burkina Faso')).toBe('BF');
		expect(parseCountry('Apvienotā Karaliste')).toBe('GB');
		expect(parseCountry('United Kingdom')).toBe('GB');
	});

	it('reads the codes EU paperwork uses for Greece and the United Kingdom', () => {
		expect(parseCountry('EL')).toBe('GR');
		expect(parseCountry('UK')).toBe('GB');
	});

	it('refuses groupings and placeholders that are no country to travel to', () => {
		expect(parseCountry('EU')).toBeUndefined();
		expect(parseCountry('European Union')).toBeUndefined();
		expect(parseCountry('UN')).toBeUndefined();
		expect(parseCountry('ZZ')).toBeUndefined();
		expect(parseCountry('Unknown Region')).toBeUndefined();
		expect(parseCountry('SU')).toBeUndefined();
	});

	it('refuses text that names no country', () => {
		expect(parseCountry('Jette')).toBeUndefined();
		expect(parseCountry('XY')).toBeUndefined();
		expect(parseCountry('')).toBeUndefined();
	});

	it('lets a profile name a country its own way, before anything else', () => {
		expect(parseCountry('Flandrija', { Flandrija: 'BE' })).toBe('BE');
		expect(parseCountry('no', { no: 'LV' })).toBe('LV');
	});
});

describe('parseEventRef', () => {
	it.each([
		['1', 1],
		['5', 5],
		['Nr. 1', 1],
		['E-1', 1],
		['Pasākums 3', 3],
		['Event no. 12', 12],
		[' 04 ', 4]
	])('reads %j as event %i', (text, number) => {
		expect(parseEventRef(text)).toBe(number);
	});

	it('reads nothing when there is no number, or a number too long to be an event', () => {
		expect(parseEventRef('kick-off')).toBeUndefined();
		expect(parseEventRef('')).toBeUndefined();
		expect(parseEventRef('1234567')).toBeUndefined();
	});
});
