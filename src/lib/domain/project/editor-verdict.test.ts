import { solidInput } from '$tests/factories/projects';
import { describe, expect, it } from 'vitest';
import { checkPlan } from './plan-checks';
import { parseProjectDefinition } from './definition';
import { emptyEditorInput, toEditorInput } from './editor-input';
import { editorIssues, planVerdict, requiredPaths } from './editor-verdict';

describe('what the editor says of an empty new project', () => {
	const empty = emptyEditorInput();

	it('names every required field "required", the blank dates and amounts too', () => {
		const issues = editorIssues(empty);
		expect(issues.every((i) => i.key === 'required')).toBe(true);
		expect([...requiredPaths(issues)]).toEqual([
			'code',
			'title.lv',
			'programme.lv',
			'period.start',
			'period.end',
			'leadPartner.name',
			'leadPartner.country',
			'decision.body.lv',
			'decision.body.lvGenitive',
			'decision.date',
			'decision.number',
			'funding.total',
			'funding.eu',
			'funding.council',
			'goal.lv'
		]);
	});

	it('gives no plan verdict while the period and the budget are blank', () => {
		expect(planVerdict(empty)).toEqual({ kind: 'waiting', fields: 5 });
	});
});

describe('what the editor says of a half-filled project', () => {
	it('says a malformed value as what it is, not as missing', () => {
		const input = emptyEditorInput();
		input.code = 'solid project';
		input.period.start = '2018-13-01';
		const issues = editorIssues(input);
		expect(issues.find((i) => i.path === 'code')?.key).toBe('code');
		expect(issues.find((i) => i.path === 'period.start')?.key).toBe('date');
		expect(requiredPaths(issues).has('period.end')).toBe(true);
	});

	it('judges the plan once its figures are in, though the texts are still blank', () => {
		const input = emptyEditorInput();
		input.period = { start: '2018-01-01', end: '2019-11-15' };
		input.funding = {
			total: '4100',
			eu: '1500',
			council: '2660',
			years: [
				{ year: 2018, prefinancing: '1100', cofinancing: '1990' },
				{ year: 2019, prefinancing: '400', cofinancing: '670' }
			]
		};
		const verdict = planVerdict(input);
		expect(verdict.kind).toBe('judged');
		expect(verdict.kind === 'judged' && verdict.findings.map((f) => f.rule)).toEqual(['parts-sum']);
		expect(requiredPaths(editorIssues(input)).has('title.lv')).toBe(true);
	});

	it('judges a whole definition exactly as the plan check does', () => {
		const solid = parseProjectDefinition(solidInput());
		if (!solid.ok) throw new Error('SOLID does not parse');
		const input = toEditorInput(solidInput());
		expect(editorIssues(input)).toEqual([]);
		expect(planVerdict(input)).toEqual({ kind: 'judged', findings: checkPlan(solid.definition) });
	});
});
