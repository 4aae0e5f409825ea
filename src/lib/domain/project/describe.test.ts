import { solidDefinition } from '$tests/factories/projects';
import { describe, expect, it } from 'vitest';
import { eventLine, leadPartnerLine, partnerLine } from './describe';

const lv = {
	event: (n: number) => `${n}.pasākums`,
	representatives: (n: number) => `${n} pārstāvji`
};

describe('the annex lines for SOLID', () => {
	const solid = solidDefinition();

	it('names the applicant as the annex does', () => {
		expect(leadPartnerLine(solid.leadPartner, 'lv')).toBe(
			'Jette kultūras centrs /Le Centre Culturel de Jette/, Jette, Beļģija'
		);
		expect(leadPartnerLine(solid.leadPartner, 'en')).toBe(
			'Jette Cultural Centre /Le Centre Culturel de Jette/, Jette, Belgium'
		);
	});

	it('lists the partners in order, in their own languages, with the 2018 country names', () => {
		expect(solid.partners.map((p, i) => `${i + 1}. ${partnerLine(p, 'lv')}`)).toEqual([
			'1. Daugavpils pilsētas dome, Latvija',
			'2. Bulgarian Centre for LLL, Bulgārija',
			'3. Sződliget, Ungārija',
			'4. Municipality of Alimos, Grieķija',
			'5. EKOLOR" Indjija, Serbija',
			'6. Male Dvorniky, Slovākija',
			'7. Fattoria Pugliese Diffusa, Itālija',
			'8. Mogila Municipality, Maķedonija',
			'9. Municipality of Kavadarci, Maķedonija',
			'10. Gmina Dąbrowa, Polija',
			'11. Mancomunidad de la Ribera Alta, Spānija',
			'12. Asociatia European Academy, Rumānija'
		]);
		expect(partnerLine(solid.partners[0]!, 'en')).toBe('Daugavpils City Council, Latvia');
	});

	it('writes the events with place, month and representatives', () => {
		expect(solid.events.map((e) => eventLine(e, 'lv', lv))).toEqual([
			'1.pasākums – Jette, Beļģija – projekta atklāšanas tikšanās (kick-off) 03.2018. (3 pārstāvji)',
			'2.pasākums – Bulgārija, 06.2018. (6 pārstāvji)',
			'3.pasākums – Itālija, 10.2018. (2 pārstāvji)',
			'4.pasākums – Grieķija, 03.2019. (2 pārstāvji)',
			'5.pasākums – Jette, Beļģija – gala rezultātu izplatīšanas konference 09.2019. (2 pārstāvji)'
		]);
	});
});
