/**
 * Reads the amendment page's forms and runs the draft step each asks for: accept the proposal,
 * save the draft's figures, submit, return, discard, or adopt it by the council's decision. Every
 * refusal comes back as a sentence in the reader's language, with the HTTP status to answer.
 */
import { formatDate, officeToday, parseIsoDate } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { parseMoney, type Cents } from '$lib/domain/money';
import { proposalNote } from '$lib/i18n/proposal-messages';
import { m } from '$lib/paraglide/messages.js';
import type { Actor } from '../audit/record-audit';
import type { Database } from '../db';
import { DecisionOrderError, DraftAdoptionError } from '../projects/apply-definition';
import {
	acceptProposal,
	adoptDraft,
	discardDraft,
	DraftStateError,
	moveDraft,
	updateDraftFunding,
	type Funding
} from './plan-drafts';

export type DraftStep = 'accept' | 'save' | 'submit' | 'return' | 'discard' | 'adopt';

export type DraftOutcome =
	| { ok: true; step: DraftStep; version: number; decision?: string }
	| { ok: false; step: DraftStep; status: number; problem: string };

class FormProblem extends Error {}

/** An amount as a person writes it ("710,20", "710.20"); not negative. */
function amount(text: unknown, label: string, say: { locale: Locale }): Cents {
	const cents = parseMoney(String(text ?? ''));
	if (cents === null || cents < 0)
		throw new FormProblem(m.proposal_error_money({ field: label }, say));
	return cents;
}

/** The draft's funding as the figures form posts it: the totals, then one row per year. */
function readFunding(form: FormData, say: { locale: Locale }): Funding {
	const years = form.getAll('year').map(Number);
	const pre = form.getAll('prefinancing');
	const co = form.getAll('cofinancing');
	return {
		total: amount(form.get('total'), m.proposal_total_total({}, say), say),
		eu: amount(form.get('eu'), m.proposal_total_eu({}, say), say),
		council: amount(form.get('council'), m.proposal_total_council({}, say), say),
		years: years.map((year, i) => ({
			year,
			prefinancing: amount(pre[i], m.proposal_field_prefinancing({ year }, say), say),
			cofinancing: amount(co[i], m.proposal_field_cofinancing({ year }, say), say)
		}))
	};
}

function readDecision(form: FormData, say: { locale: Locale }) {
	const date = String(form.get('date') ?? '');
	const number = String(form.get('number') ?? '').trim();
	const annex = Number(form.get('annex'));
	if (!parseIsoDate(date) || !number || number.length > 20 || !Number.isInteger(annex))
		throw new FormProblem(m.proposal_error_decision({}, say));
	if (annex < 1 || annex > 99) throw new FormProblem(m.proposal_error_decision({}, say));
	return { date, number, annex };
}

function refusal(cause: unknown, say: { locale: Locale }): { status: number; problem: string } {
	if (cause instanceof FormProblem) return { status: 400, problem: cause.message };
	if (cause instanceof DecisionOrderError)
		return {
			status: 409,
			problem: m.issue_decisionOrder(
				{ number: cause.inForce.number, date: formatDate(cause.inForce.date, say.locale) },
				say
			)
		};
	if (cause instanceof DraftAdoptionError)
		return {
			status: 409,
			problem:
				cause.reason === 'not-an-amendment'
					? m.proposal_error_not_amendment({}, say)
					: m.proposal_error_not_editable({ version: cause.draft }, say)
		};
	if (cause instanceof DraftStateError) {
		if (cause.reason === 'open-draft')
			return {
				status: 409,
				problem: m.proposal_error_open_draft({ version: cause.draft ?? 0 }, say)
			};
		if (cause.reason === 'no-proposal')
			return { status: 409, problem: m.proposal_error_no_proposal({}, say) };
		if (cause.reason === 'stale-proposal')
			return { status: 409, problem: m.proposal_error_stale({}, say) };
		return {
			status: cause.reason === 'not-found' ? 404 : 409,
			problem: m.proposal_error_not_editable({ version: cause.draft ?? 0 }, say)
		};
	}
	throw cause;
}

export async function runDraftStep(
	db: Database,
	actor: Actor,
	locale: Locale,
	code: string,
	step: DraftStep,
	form: FormData
): Promise<DraftOutcome> {
	const say = { locale };
	const version = Number(form.get('version'));
	try {
		switch (step) {
			case 'accept': {
				// The proposal names the plan it was made from, so that one shown before another
				// decision was recorded is not accepted over the plan now in force.
				const basedOn = Number(form.get('basedOn'));
				if (!Number.isInteger(basedOn) || basedOn < 1)
					throw new FormProblem(m.proposal_error_stale({}, say));
				const draft = await acceptProposal(db, code, {
					basedOn,
					actor,
					today: officeToday(),
					note: (proposal) => proposalNote(proposal, locale)
				});
				return { ok: true, step, version: draft.number };
			}
			case 'save':
				await updateDraftFunding(db, code, version, readFunding(form, say), actor);
				return { ok: true, step, version };
			case 'submit':
			case 'return':
				await moveDraft(db, code, version, step, actor);
				return { ok: true, step, version };
			case 'discard':
				await discardDraft(db, code, version, actor);
				return { ok: true, step, version };
			case 'adopt': {
				const decision = readDecision(form, say);
				await adoptDraft(db, code, version, decision, actor);
				return { ok: true, step, version, decision: decision.number };
			}
		}
	} catch (cause) {
		return { ok: false, step, ...refusal(cause, say) };
	}
}
