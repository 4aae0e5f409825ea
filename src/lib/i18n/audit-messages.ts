/**
 * Says an audit event in the reader's language: the action's name (for the filter), one
 * sentence per action with its key facts ("Imported ledger.csv (33 rows)"), and its change as
 * labelled lines ("EU co-financing: 1500 EUR → 1600 EUR"). The page, the CSV and `cofund audit
 * log` all say events with these functions.
 */
import type { Role } from '$lib/domain/access';
import { isRole } from '$lib/domain/access';
import {
	describeEvent,
	isKnownAction,
	type EventChange,
	type EventFacts,
	type FieldKind,
	type KnownAction,
	type StoredEvent
} from '$lib/domain/audit/describe-event';
import {
	formatDate,
	formatInteger,
	formatMoney,
	formatOfficeMoment,
	parseIsoDate
} from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';
import { languageName } from './document-messages';
import { formatBytes } from './import-messages';
import { describePlanChange } from './plan-change-messages';

type Say = { locale: Locale };

/** What the server knows besides the event: template names in the reader's language, by id. */
export interface AuditNames {
	templates?: Record<string, string>;
}

const NAMES: Record<KnownAction, (p: object, say: Say) => string> = {
	'project.create': m.audit_name_project_create,
	'project.update': m.audit_name_project_update,
	'plan.amend': m.audit_name_plan_amend,
	'plan.draft-create': m.proposal_audit_name_draft_create,
	'plan.draft-edit': m.proposal_audit_name_draft_edit,
	'plan.draft-submit': m.proposal_audit_name_draft_submit,
	'plan.draft-return': m.proposal_audit_name_draft_return,
	'plan.draft-discard': m.proposal_audit_name_draft_discard,
	'project.member-add': m.audit_name_project_member_add,
	'project.member-remove': m.audit_name_project_member_remove,
	'user.create': m.audit_name_user_create,
	'user.password': m.audit_name_user_password,
	'user.role-change': m.audit_name_user_role_change,
	'user.disable': m.audit_name_user_disable,
	'user.enable': m.audit_name_user_enable,
	'user.reset-link': m.audit_name_user_reset_link,
	'user.password-reset': m.audit_name_user_password_reset,
	'auth.sign-in': m.audit_name_auth_sign_in,
	'auth.sign-in-failed': m.audit_name_auth_sign_in_failed,
	'import.commit': m.audit_name_import_commit,
	'import.revert': m.audit_name_import_revert,
	'profile.create': m.audit_name_profile_create,
	'profile.update': m.audit_name_profile_update,
	'document.generate': m.audit_name_document_generate,
	'template.register': m.audit_name_template_register,
	'template.edit': m.audit_name_template_edit,
	'template.render_failed': m.audit_name_template_render_failed,
	'upload.remove-stale': m.audit_name_upload_remove_stale,
	'audit.keyed': m.audit_name_audit_keyed,
	'backup.create': m.audit_name_backup_create,
	'backup.restore': m.audit_name_backup_restore,
	'draft.keep': m.st_audit_name_draft_keep,
	'draft.discard': m.st_audit_name_draft_discard,
	'report.narrative': m.doc_audit_name_report_narrative,
	'office.update': m.doc_audit_name_office_update,
	'finding.verify': m.ctl_audit_name_finding_verify,
	'finding.query': m.ctl_audit_name_finding_query,
	'finding.deduct': m.ctl_audit_name_finding_deduct,
	'finding.answer': m.ctl_audit_name_finding_answer,
	'finding.close': m.ctl_audit_name_finding_close,
	'finding.keep': m.ctl_audit_name_finding_keep,
	'finding.clear': m.ctl_audit_name_finding_clear,
	'control-reason.add': m.ctl_audit_name_reason_add,
	'control-reason.rename': m.ctl_audit_name_reason_rename,
	'control-reason.reorder': m.ctl_audit_name_reason_reorder,
	'control-reason.retire': m.ctl_audit_name_reason_retire,
	'control-reason.restore': m.ctl_audit_name_reason_restore,
	'sample.draw': m.ctl_audit_name_sample_draw,
	'period.close': m.ctl_audit_name_period_close,
	'period.reopen': m.ctl_audit_name_period_reopen,
	'retention.edit': m.ctl_audit_name_retention_edit,
	'project.purge': m.ctl_audit_name_project_purge
};

/** "Import", "Plan changed": an action by name; an action cofund does not know, as recorded. */
export function actionName(action: string, locale: Locale): string {
	return isKnownAction(action) ? NAMES[action]({}, { locale }) : action;
}

const roleText = (role: string | undefined, say: Say) =>
	role !== undefined && isRole(role)
		? (
				{
					admin: m.role_admin,
					coordinator: m.role_coordinator,
					council: m.role_council,
					auditor: m.role_auditor
				} satisfies Record<Role, unknown>
			)[role]({}, say)
		: role || m.audit_unknown_value({}, say);

/** Every fact as text, a stand-in for a missing one; `rows` said with its plural. */
type Filled = Record<keyof EventFacts, string>;
type Sentence = (facts: Filled, say: Say, names: AuditNames) => string;

const template = (f: Filled, names: AuditNames) => names.templates?.[f.template] ?? f.template;

const SENTENCES: Record<KnownAction, Sentence> = {
	'project.create': (f, say) => m.audit_say_project_create(f, say),
	'project.update': (f, say) => m.audit_say_project_update(f, say),
	'plan.amend': (f, say) => m.audit_say_plan_amend(f, say),
	'plan.draft-create': (f, say) => m.proposal_audit_say_draft_create(f, say),
	'plan.draft-edit': (f, say) => m.proposal_audit_say_draft_edit(f, say),
	'plan.draft-submit': (f, say) => m.proposal_audit_say_draft_submit(f, say),
	'plan.draft-return': (f, say) => m.proposal_audit_say_draft_return(f, say),
	'plan.draft-discard': (f, say) => m.proposal_audit_say_draft_discard(f, say),
	'project.member-add': (f, say) => m.audit_say_project_member_add(f, say),
	'project.member-remove': (f, say) => m.audit_say_project_member_remove(f, say),
	'user.create': (f, say) => m.audit_say_user_create({ ...f, role: roleText(f.role, say) }, say),
	'user.password': (f, say) => m.audit_say_user_password(f, say),
	'user.role-change': (f, say) =>
		m.audit_say_user_role_change({ ...f, role: roleText(f.role, say) }, say),
	'user.disable': (f, say) => m.audit_say_user_disable(f, say),
	'user.enable': (f, say) => m.audit_say_user_enable(f, say),
	'user.reset-link': (f, say) => m.audit_say_user_reset_link(f, say),
	'user.password-reset': (f, say) => m.audit_say_user_password_reset(f, say),
	'auth.sign-in': (_f, say) => m.audit_say_auth_sign_in({}, say),
	'auth.sign-in-failed': (f, say) => m.audit_say_auth_sign_in_failed({ person: f.email }, say),
	'import.commit': (f, say) => m.audit_say_import_commit(f, say),
	'import.revert': (f, say) => m.audit_say_import_revert(f, say),
	'profile.create': (f, say) => m.audit_say_profile_create(f, say),
	'profile.update': (f, say) => m.audit_say_profile_update(f, say),
	'document.generate': (f, say, names) =>
		m.audit_say_document_generate({ ...f, template: template(f, names) }, say),
	'template.register': (f, say, names) =>
		m.audit_say_template_register({ ...f, template: template(f, names) }, say),
	'template.edit': (f, say, names) =>
		m.audit_say_template_edit({ ...f, template: template(f, names) }, say),
	'template.render_failed': (f, say, names) =>
		m.audit_say_template_render_failed({ ...f, template: template(f, names) }, say),
	'upload.remove-stale': (f, say) => m.audit_say_upload_remove_stale(f, say),
	'audit.keyed': (f, say) => m.audit_say_audit_keyed(f, say),
	'backup.create': (_f, say) => m.audit_say_backup_create({}, say),
	'backup.restore': (_f, say) => m.audit_say_backup_restore({}, say),
	'draft.keep': (f, say) => m.st_audit_say_draft_keep(f, say),
	'draft.discard': (f, say) => m.st_audit_say_draft_discard(f, say),
	'report.narrative': (f, say) => m.doc_audit_say_report_narrative(f, say),
	'office.update': (_f, say) => m.doc_audit_say_office_update({}, say),
	'finding.verify': (f, say) => m.ctl_audit_say_finding_verify(f, say),
	'finding.query': (f, say) => m.ctl_audit_say_finding_query(f, say),
	'finding.deduct': (f, say) => m.ctl_audit_say_finding_deduct(f, say),
	'finding.answer': (f, say) => m.ctl_audit_say_finding_answer(f, say),
	'finding.close': (f, say) => m.ctl_audit_say_finding_close(f, say),
	'finding.keep': (f, say) => m.ctl_audit_say_finding_keep(f, say),
	'finding.clear': (f, say) => m.ctl_audit_say_finding_clear(f, say),
	'control-reason.add': (f, say) => m.ctl_audit_say_reason_add(f, say),
	'control-reason.rename': (f, say) => m.ctl_audit_say_reason_rename(f, say),
	'control-reason.reorder': (f, say) => m.ctl_audit_say_reason_reorder(f, say),
	'control-reason.retire': (f, say) => m.ctl_audit_say_reason_retire(f, say),
	'control-reason.restore': (f, say) => m.ctl_audit_say_reason_restore(f, say),
	'sample.draw': (f, say) => m.ctl_audit_say_sample_draw(f, say),
	'period.close': (f, say) => m.ctl_audit_say_period_close(f, say),
	'period.reopen': (f, say) => m.ctl_audit_say_period_reopen(f, say),
	'retention.edit': (f, say) => m.ctl_audit_say_retention_edit(f, say),
	'project.purge': (f, say) => m.ctl_audit_say_project_purge(f, say)
};

/** The facts with a stand-in for each missing one: a sentence is said whatever is missing. */
function filled(facts: EventFacts, say: Say): Filled {
	const missing = m.audit_unknown_value({}, say);
	const count = (n: number | undefined) =>
		n === undefined ? missing : formatInteger(n, say.locale);
	return {
		project: facts.project ?? missing,
		batch: facts.batch ?? missing,
		file: facts.file ?? missing,
		rows: facts.rows === undefined ? missing : m.audit_rows({ count: facts.rows }, say),
		person: facts.person ?? facts.email ?? missing,
		email: facts.email ?? facts.person ?? missing,
		role: facts.role ?? '',
		template: facts.template ?? missing,
		version: facts.version === undefined ? missing : String(facts.version),
		profile: facts.profile ?? missing,
		count: count(facts.count),
		object: facts.object
	};
}

const FIELD_LABELS: Record<string, (p: object, say: Say) => string> = {
	reason: m.ctl_audit_field_reason,
	state: m.ctl_audit_field_state,
	text: m.ctl_audit_field_text,
	position: m.ctl_audit_field_position,
	starts: m.ctl_audit_field_starts,
	ends: m.ctl_audit_field_ends,
	reopenReason: m.ctl_audit_field_reopen_reason,
	keepUntil: m.ctl_audit_field_keep_until,
	how: m.ctl_audit_field_how,
	deductedCents: m.ctl_audit_field_deducted_cents,
	reasonCode: m.ctl_audit_field_reason_code,
	method: m.ctl_audit_field_method,
	seed: m.ctl_audit_field_seed,
	strata: m.ctl_audit_field_strata,
	labelLv: m.ctl_audit_field_label_lv,
	labelEn: m.ctl_audit_field_label_en,
	active: m.ctl_audit_field_active,
	records: m.audit_field_records,
	note: m.proposal_audit_field_note,
	basedOn: m.proposal_audit_field_based_on,
	section: m.doc_audit_field_section,
	text_lv: m.doc_audit_field_text_lv,
	text_en: m.doc_audit_field_text_en,
	name_lv: m.doc_audit_field_name_lv,
	name_en: m.doc_audit_field_name_en,
	logo: m.doc_audit_field_logo,
	accepted: m.audit_field_accepted,
	rejected: m.audit_field_rejected,
	setAside: m.audit_field_set_aside,
	acceptedTotal: m.audit_field_accepted_total,
	size: m.audit_field_size,
	bytes: m.audit_field_size,
	kind: m.audit_field_kind,
	without: m.audit_field_without,
	reverted: m.audit_field_reverted,
	address: m.audit_field_address,
	role: m.audit_field_role,
	email: m.audit_field_email,
	name: m.audit_field_name,
	lang: m.audit_field_lang,
	date: m.audit_field_date,
	repeated: m.audit_field_repeated,
	affects: m.audit_field_affects,
	withKeptDocuments: m.audit_field_with_kept_documents,
	sessionsEnded: m.audit_field_sessions_ended,
	expiresAt: m.audit_field_expires_at,
	createdAt: m.audit_field_created_at,
	auditEvents: m.audit_field_audit_events,
	engine: m.audit_field_engine,
	app: m.audit_field_app,
	counts: m.audit_field_counts,
	version: m.audit_field_version,
	file: m.audit_field_file,
	problem: m.audit_field_problem,
	line: m.audit_field_line,
	limitName: m.audit_field_limit_name,
	limitValue: m.audit_field_limit_value,
	legacyEvents: m.audit_field_legacy_events,
	legacyHead: m.audit_field_legacy_head,
	key: m.audit_field_key,
	fingerprint: m.audit_field_fingerprint,
	project: m.audit_field_project,
	count: m.audit_field_count,
	sha256: () => 'SHA-256'
};

/** `dialect.decimalComma` → `dialect › decimal comma` when cofund has no label for it. */
function fieldLabel(path: string, say: Say): string {
	const label = FIELD_LABELS[path];
	if (label) return label({}, say);
	return path
		.split('.')
		.map(
			(part) =>
				FIELD_LABELS[part]?.({}, say) ?? part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
		)
		.join(' › ');
}

/** Shown by its start: enough to find it, the full hash is in the CSV and the event. */
const shortHash = (hash: string) => (hash.length > 16 ? `${hash.slice(0, 16)}…` : hash);

function valueText(kind: FieldKind, value: unknown, say: Say): string {
	const { locale } = say;
	if (value === null || value === undefined || value === '') return '—';
	if (typeof value === 'number') {
		if (kind === 'money')
			return formatMoney(value, locale, { currency: 'EUR', decimals: 'always' });
		if (kind === 'bytes') return formatBytes(value, locale);
		return formatInteger(value, locale);
	}
	if (typeof value === 'boolean') return value ? m.audit_yes({}, say) : m.audit_no({}, say);
	if (typeof value === 'string') {
		if (kind === 'role') return roleText(value, say);
		if (kind === 'language') return languageName(value, locale);
		if (kind === 'date' && parseIsoDate(value)) return formatDate(value, locale);
		if (kind === 'hash') return shortHash(value);
		if (kind === 'moment' && !Number.isNaN(Date.parse(value)))
			return formatOfficeMoment(new Date(value), locale);
		if (kind === 'importKind' && (value === 'expenses' || value === 'participation'))
			return value === 'expenses'
				? m.import_kind_expenses({}, say)
				: m.import_kind_participation({}, say);
		return value;
	}
	if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
		return value.length ? value.map(String).join(', ') : '—';
	const json = JSON.stringify(value);
	return json.length > 80 ? `${json.slice(0, 80)}…` : json;
}

/** One labelled line of an event's change, money in EUR and lists matched by identity. */
export function changeText(change: EventChange, locale: Locale): string {
	const say = { locale };
	if (change.part === 'plan') return describePlanChange(change, locale);
	const field = fieldLabel(change.field, say);
	if (!('before' in change) || change.before === undefined)
		return m.audit_change_fact({ field, value: valueText(change.kind, change.after, say) }, say);
	return m.audit_change_field(
		{
			field,
			before: valueText(change.kind, change.before, say),
			after: valueText(change.kind, change.after, say)
		},
		say
	);
}

export interface SaidEvent {
	name: string;
	sentence: string;
	changes: string[];
}

/** An event as a person reads it: the action's name, the sentence and the change, line by line. */
export function sayEvent(event: StoredEvent, locale: Locale, names: AuditNames = {}): SaidEvent {
	const say = { locale };
	const described = describeEvent(event);
	const facts = filled(described.facts, say);
	const sentence = isKnownAction(event.action)
		? SENTENCES[event.action](facts, say, names)
		: m.audit_say_unknown(
				{ action: event.action, object: `${event.objectType} ${event.objectId}` },
				say
			);
	return {
		name: actionName(event.action, locale),
		sentence,
		changes: described.changes.map((change) => changeText(change, locale))
	};
}
