import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { councilRegisterFor } from '../plans/council-register';
import { applyProjectDefinition } from '../projects/apply-definition';
import { portfolio } from './portfolio';
import { projectDashboard } from './project-dashboard';
import { loadProjectFigures } from './project-figures';

/** SOLID's 2019 council co-financing amended 670 → 710,20 EUR by decision No. 512 of 19.09.2019. */
const amended = () =>
	solidDefinition((d) => {
		d.decision.date = '2019-09-19';
		d.decision.number = '512';
		d.funding.years[1]!.cofinancing = 71020;
		d.funding.council += 4020;
		d.funding.total += 4020;
	});

const admin = { id: null, role: 'admin' } as const;
const no57 = { number: '57', date: '2018-02-22' };
const no512 = { number: '512', date: '2019-09-19' };

describe.each(ENGINES)('the plan in force on SOLID, on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await importSample(handle.db, 'expenses');
		await importSample(handle.db, 'participation');
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	const years = async (today = '2026-12-01') =>
		(await projectDashboard(handle.db, 'SOLID', '2026-11', today))!.years.map((y) => [
			y.year,
			y.plan,
			y.variance,
			y.status,
			y.decision
		]);

	it('before the amendment, has 2019 over plan by 40,20 EUR under decision 57', async () => {
		expect(await years()).toEqual([
			[2018, 309000, -1550, 'under', no57],
			[2019, 107000, 4020, 'over', no57]
		]);
	});

	it('after the amendment, has 2019 on plan under decision 512 and 2018 still under 57', async () => {
		await applyProjectDefinition(handle.db, amended(), { actor: SYSTEM_ACTOR });
		expect(await years()).toEqual([
			[2018, 309000, -1550, 'under', no57],
			[2019, 111020, 0, 'on-plan', no512]
		]);
		const dashboard = (await projectDashboard(handle.db, 'SOLID', '2026-11', '2026-12-01'))!;
		expect(dashboard.alerts.map((a) => a.kind)).not.toContain('year-over-plan');
		expect(dashboard.total).toMatchObject({ plan: 420020, actual: 418470 });
	});

	it('sets the years against the plan in force on the day: 57 until 19.09.2019', async () => {
		expect(await years('2019-09-18')).toEqual([
			[2018, 309000, -1550, 'under', no57],
			[2019, 107000, 4020, 'over', no57]
		]);
	});

	it('steps the monthly plan line at 09.2019, where the amendment took effect', async () => {
		const { monthly } = (await projectDashboard(handle.db, 'SOLID', '2026-11', '2026-12-01'))!;
		const line = new Map(monthly.map((p) => [p.month, p.proRata]));
		// 684 days from 01.01.2018 to 15.11.2019; August 2019 ends on day 608, September on 638.
		expect(line.get('2019-08')).toBe(Math.round((416000 * 608) / 684));
		expect(line.get('2019-09')).toBe(Math.round((420020 * 638) / 684));
		expect(line.get('2019-11')).toBe(420020);
	});

	it('gives cofund summary the same years and decisions', async () => {
		const { figures } = (await loadProjectFigures(handle.db, 'SOLID', { asOf: '2026-12-01' }))!;
		expect(figures.years.map((y) => [y.year, y.plan, y.decision])).toEqual([
			[2018, 309000, no57],
			[2019, 111020, no512]
		]);
	});

	it('adds up the plan in force in the portfolio, and lists both decisions in the register', async () => {
		const view = await portfolio(handle.db, admin, '2026-11', '2026-12-01');
		expect(view.years.map((y) => [y.year, y.plan, y.status])).toEqual([
			[2018, 309000, 'under'],
			[2019, 111020, 'on-plan']
		]);
		const register = await councilRegisterFor(handle.db, admin);
		expect(register.decisions.map((d) => [d.decision.number, d.kind, d.change.length])).toEqual([
			['512', 'amendment', 1],
			['57', 'adoption', 2]
		]);
		expect(register.totals.map((y) => [y.year, y.prefinancing, y.cofinancing, y.total])).toEqual([
			[2018, 110000, 199000, 309000],
			[2019, 40000, 71020, 111020]
		]);
		const council = await councilRegisterFor(handle.db, { id: 'nobody', role: 'council' });
		expect(council.decisions).toEqual([]);
	});
});
