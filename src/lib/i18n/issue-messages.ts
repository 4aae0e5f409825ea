/** Says a definition problem (a bad field in a file or a form) in the reader's language. */
import { formatDate } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import type { DefinitionIssue } from '$lib/domain/project/definition';
import { m } from '$lib/paraglide/messages.js';

type Params = Record<string, string | number>;

const MESSAGES: Record<string, (params: Params, options: { locale: Locale }) => string> = {
	required: (_, o) => m.issue_required({}, o),
	code: (_, o) => m.issue_code({}, o),
	date: (_, o) => m.issue_date({}, o),
	month: (_, o) => m.issue_month({}, o),
	money: (_, o) => m.issue_money({}, o),
	country: (_, o) => m.issue_country({}, o),
	currency: (_, o) => m.issue_currency({}, o),
	duplicateYear: (_, o) => m.issue_duplicateYear({}, o),
	duplicateEvent: (_, o) => m.issue_duplicateEvent({}, o),
	codeTaken: (_, o) => m.issue_codeTaken({}, o),
	classificationCode: (_, o) => m.issue_classificationCode({}, o),
	duplicateClassification: (_, o) => m.issue_duplicateClassification({}, o),
	decisionOrder: (p, o) =>
		m.issue_decisionOrder(
			{ number: p.number ?? '', date: p.date ? formatDate(String(p.date), o.locale) : '' },
			o
		),
	invalid_type: (p, o) => m.issue_invalid_type({ expected: p.expected ?? '?' }, o),
	too_small: (p, o) => m.issue_too_small({ minimum: p.minimum ?? '?' }, o),
	too_big: (p, o) => m.issue_too_big({ maximum: p.maximum ?? '?' }, o),
	unrecognized_keys: (p, o) => m.issue_unrecognized_keys({ keys: p.keys ?? '' }, o)
};

export function describeIssue(issue: DefinitionIssue, locale: Locale): string {
	const message = MESSAGES[issue.key] ?? ((_, o) => m.issue_invalid({}, o));
	return message(issue.params, { locale });
}
