/**
 * What one audit event says, read from its stored payload: the action's key facts (file, rows,
 * person, project, template…) and its change as labelled fields, for the wording in
 * src/lib/i18n/audit-messages.ts. Pure, and forgiving: a payload of another shape, or one from an
 * older or newer cofund, yields what can be read from it, never an error.
 */
import { planDiff } from '../documents/data-changes';

/** An event as the log lists it, with the project it belongs to (null for none). */
export interface StoredEvent {
	action: string;
	objectType: string;
	objectId: string;
	before: unknown;
	after: unknown;
	project: string | null;
}

/** Every action cofund records, and those reserved for what is being added beside them. */
export const KNOWN_ACTIONS = [
	'project.create',
	'project.update',
	'plan.amend',
	'plan.draft-create',
	'plan.draft-edit',
	'plan.draft-submit',
	'plan.draft-return',
	'plan.draft-discard',
	'project.member-add',
	'project.member-remove',
	'user.create',
	'user.password',
	'user.role-change',
	'user.disable',
	'user.enable',
	'user.reset-link',
	'user.password-reset',
	'auth.sign-in',
	'auth.sign-in-failed',
	'import.commit',
	'import.revert',
	'profile.create',
	'profile.update',
	'document.generate',
	'template.register',
	'template.edit',
	'template.render_failed',
	'upload.remove-stale',
	'audit.keyed',
	'backup.create',
	'backup.restore',
	'draft.keep',
	'draft.discard',
	'report.narrative',
	'office.update',
	'finding.verify',
	'finding.query',
	'finding.deduct',
	'finding.answer',
	'finding.close',
	'finding.keep',
	'finding.clear',
	'control-reason.add',
	'control-reason.rename',
	'control-reason.reorder',
	'control-reason.retire',
	'control-reason.restore',
	'sample.draw',
	'period.close',
	'period.reopen',
	'retention.edit',
	'project.purge'
] as const;
export type KnownAction = (typeof KNOWN_ACTIONS)[number];

export const isKnownAction = (action: string): action is KnownAction =>
	(KNOWN_ACTIONS as readonly string[]).includes(action);

/** The facts a sentence names; any of them may be missing from an event. */
export interface EventFacts {
	project?: string;
	/** An import batch's or document's number. */
	batch?: string;
	file?: string;
	rows?: number;
	/** The person an event is about (not the one who did it): a name, else an email. */
	person?: string;
	email?: string;
	role?: string;
	template?: string;
	version?: number;
	profile?: string;
	count?: number;
	object: string;
}

/** How a field's value is written. */
export type FieldKind =
	| 'money'
	| 'bytes'
	| 'count'
	| 'role'
	| 'language'
	| 'date'
	| 'hash'
	| 'list'
	| 'boolean'
	| 'importKind'
	| 'moment'
	| 'text';

/**
 * One labelled line of the change: a plan field (labelled as the verify page labels it) or a
 * field of the event's payload. `before` is undefined for a fact the event states alone.
 */
export type EventChange =
	| { part: 'plan'; field: string; before: unknown; after: unknown }
	| { part: 'field'; field: string; kind: FieldKind; before?: unknown; after: unknown };

export interface EventDescription {
	action: string;
	known: boolean;
	facts: EventFacts;
	changes: EventChange[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const record = (v: unknown): Record<string, unknown> => (isObject(v) ? v : {});
const text = (v: unknown): string | undefined =>
	typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const number = (v: unknown): number | undefined =>
	typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/** Kinds by the payload's key: money is stored in cents and must never be shown as cents. */
const KINDS: Record<string, FieldKind> = {
	acceptedTotal: 'money',
	cents: 'money',
	size: 'bytes',
	bytes: 'bytes',
	records: 'count',
	accepted: 'count',
	rejected: 'count',
	setAside: 'count',
	reverted: 'count',
	legacyEvents: 'count',
	version: 'count',
	basedOn: 'count',
	line: 'count',
	role: 'role',
	from: 'role',
	to: 'role',
	lang: 'language',
	date: 'date',
	sha256: 'hash',
	fingerprint: 'hash',
	legacyHead: 'hash',
	without: 'list',
	affects: 'list',
	withKeptDocuments: 'list',
	repeated: 'boolean',
	kind: 'importKind',
	createdAt: 'moment',
	expiresAt: 'moment',
	sessionsEnded: 'count',
	auditEvents: 'count',
	starts: 'date',
	ends: 'date',
	keepUntil: 'date',
	deductedCents: 'money'
};

const kindOf = (key: string): FieldKind => KINDS[key.split('.').pop() ?? key] ?? 'text';

/** A payload's leaves by path (`dialect.delimiter`); lists of plain values stay whole. */
function leaves(value: unknown, path = '', out = new Map<string, unknown>()) {
	if (isObject(value)) {
		for (const key of Object.keys(value).sort())
			leaves(value[key], path ? `${path}.${key}` : key, out);
	} else if (path) out.set(path, value);
	return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The payload's fields that differ, before → after; a field on one side only is shown with
 * nothing on the other. With no `before` at all, the fields are facts the event states.
 */
export function fieldChanges(before: unknown, after: unknown, skip: string[] = []): EventChange[] {
	const old = leaves(before);
	const now = leaves(after);
	const keep = (path: string) => !skip.includes(path.split('.')[0]!);
	if (before === null || before === undefined)
		return [...now]
			.filter(([path, value]) => keep(path) && value !== null && value !== undefined)
			.map(([path, value]) => ({ part: 'field', field: path, kind: kindOf(path), after: value }));
	const paths = [...new Set([...old.keys(), ...now.keys()])].filter(keep);
	return paths
		.filter((path) => !same(old.get(path), now.get(path)))
		.map((path) => ({
			part: 'field',
			field: path,
			kind: kindOf(path),
			before: old.get(path) ?? null,
			after: now.get(path) ?? null
		}));
}

/** The facts of `data` under `keys`, in that order (stored JSON keeps no order of its own). */
function factsInOrder(data: Record<string, unknown>, keys: string[]): EventChange[] {
	return keys
		.filter((key) => {
			const value = data[key];
			return value !== undefined && value !== null && !(Array.isArray(value) && !value.length);
		})
		.map((key) => ({ part: 'field', field: key, kind: kindOf(key), after: data[key] }));
}

/** The projects a template's new version affects, and those of them with documents kept. */
function affected(affects: unknown): EventChange[] {
	const lists = isObject(affects) ? affects : { projects: affects };
	return factsInOrder({ affects: lists.projects, withKeptDocuments: lists.withKeptDocuments }, [
		'affects',
		'withKeptDocuments'
	]);
}

/** What an import's event tells besides its sentence, in the order of its report. */
const IMPORT_FACTS = ['kind', 'records', 'accepted', 'rejected', 'setAside'];

/** The person a user event is about: the name the payload carries, else the email. */
function personFacts(event: StoredEvent): Partial<EventFacts> {
	const data = { ...record(event.before), ...record(event.after) };
	const email =
		text(data.email) ?? (event.objectType === 'user' ? text(event.objectId) : text(data.user));
	const name = text(data.name);
	return { person: name ?? email, email, role: text(data.role) ?? text(data.to) };
}

type Spec = (
	event: StoredEvent,
	data: Record<string, unknown>
) => Omit<EventDescription, 'action' | 'known'>;

/** A user event whose payload is the person's details, which the sentence already names. */
const aboutPerson =
	(skip: string[] = ['email', 'name']): Spec =>
	(event) => ({
		facts: { object: event.objectId, ...personFacts(event) },
		changes: fieldChanges(event.before, event.after, skip)
	});

/** A finding's event: the expense it is on; its state, deduction, text and files are the change. */
const finding: Spec = (event, data) => ({
	facts: { object: event.objectId },
	changes: [
		...fieldChanges(record(event.before).finding ?? {}, record(event.after).finding ?? {}),
		...factsInOrder(data, ['text']),
		...(Array.isArray(data.files) ? data.files.map(record) : []).map((file): EventChange => ({
			part: 'field',
			field: 'file',
			kind: 'text',
			after: [text(file.name), text(file.sha256)].filter(Boolean).join(' · ')
		}))
	]
});

const reason: Spec = (event) => ({
	facts: { object: event.objectId },
	changes: fieldChanges(event.before ?? null, event.after, ['updatedAt', 'updatedBy'])
});

const CONTROL_SPECS: Record<
	Extract<KnownAction, `finding.${string}` | `control-reason.${string}`>,
	Spec
> = {
	'finding.verify': finding,
	'finding.query': finding,
	'finding.deduct': finding,
	'finding.answer': finding,
	'finding.close': finding,
	'finding.keep': finding,
	'finding.clear': finding,
	'control-reason.add': reason,
	'control-reason.rename': reason,
	'control-reason.reorder': reason,
	'control-reason.retire': reason,
	'control-reason.restore': reason
};

/** A sample's event: how it was drawn; the rows drawn are in the event, by id. */
const sampleDraw: Spec = (event, data) => ({
	facts: { object: event.objectId, count: Array.isArray(data.rows) ? data.rows.length : undefined },
	changes: factsInOrder(data, ['method', 'strata', 'size', 'seed'])
});

/** A period's event: the days it covers and why. */
const period: Spec = (event, data) => ({
	facts: { object: event.objectId, project: event.objectId },
	changes: factsInOrder(data, ['starts', 'ends', 'reason', 'reopenReason'])
});

const retention: Spec = (event) => ({
	facts: { object: event.objectId, project: event.objectId },
	changes: fieldChanges(event.before, event.after)
});

const SPECS: Record<KnownAction, Spec> = {
	'project.create': (event) => ({ facts: { object: event.objectId }, changes: [] }),
	'project.update': (event) => ({
		facts: { object: event.objectId },
		changes: planDiff(event.before ?? {}, event.after ?? {})
	}),
	// An amendment's payload is the plan before and after, as a correction's is.
	'plan.amend': (event) => ({
		facts: { object: event.objectId },
		changes: planDiff(event.before ?? {}, event.after ?? {})
	}),
	// A draft's events name its version; an edit's change is the draft's funding before and after.
	'plan.draft-create': (event, data) => ({
		facts: { object: event.objectId, version: number(data.version) },
		changes: factsInOrder(data, ['basedOn', 'note'])
	}),
	'plan.draft-edit': (event, data) => ({
		facts: { object: event.objectId, version: number(data.version) },
		changes: planDiff(
			{ funding: record(event.before).funding },
			{ funding: record(event.after).funding }
		)
	}),
	'plan.draft-submit': (event, data) => ({
		facts: { object: event.objectId, version: number(data.version) },
		changes: []
	}),
	'plan.draft-return': (event, data) => ({
		facts: { object: event.objectId, version: number(data.version) },
		changes: []
	}),
	'plan.draft-discard': (event, data) => ({
		facts: { object: event.objectId, version: number(data.version) },
		changes: factsInOrder(data, ['note'])
	}),
	'project.member-add': aboutPerson(['email', 'name', 'project']),
	'project.member-remove': aboutPerson(['email', 'name', 'project']),
	'user.create': aboutPerson(['email', 'name', 'role']),
	'user.password': aboutPerson(),
	'user.role-change': (event, data) => ({
		facts: { object: event.objectId, ...personFacts(event), role: text(data.to) },
		changes: [
			{
				part: 'field',
				field: 'role',
				kind: 'role',
				before: data.from ?? null,
				after: data.to ?? null
			},
			...fieldChanges(event.before, event.after, ['email', 'name', 'role', 'from', 'to', 'project'])
		]
	}),
	'user.disable': aboutPerson(['email', 'name', 'project']),
	'user.enable': aboutPerson(['email', 'name', 'project']),
	'user.reset-link': aboutPerson(['email', 'name', 'project']),
	'user.password-reset': aboutPerson(['email', 'name', 'project']),
	'auth.sign-in': (event) => ({
		facts: { object: event.objectId, email: event.objectId },
		changes: fieldChanges(null, event.after)
	}),
	'auth.sign-in-failed': (event) => ({
		facts: { object: event.objectId, email: event.objectId },
		changes: fieldChanges(null, event.after)
	}),
	'import.commit': (event, data) => ({
		facts: {
			object: event.objectId,
			batch: event.objectId,
			file: text(data.file),
			rows: number(data.accepted)
		},
		changes: factsInOrder(data, [
			...IMPORT_FACTS,
			// A travel-order import has no amount: a sum of 0,00 EUR would say it had one.
			...(data.kind === 'participation' ? [] : ['acceptedTotal']),
			'without',
			'sha256',
			'size'
		])
	}),
	'import.revert': (event) => {
		const before = record(event.before);
		return {
			facts: {
				object: event.objectId,
				batch: event.objectId,
				file: text(before.file),
				rows: number(record(event.after).reverted) ?? number(before.accepted)
			},
			changes: fieldChanges(null, { sha256: before.sha256 })
		};
	},
	'profile.create': (event) => ({
		facts: { object: event.objectId, profile: event.objectId },
		changes: []
	}),
	'profile.update': (event) => ({
		facts: { object: event.objectId, profile: event.objectId },
		changes: fieldChanges(event.before ?? {}, event.after, ['name'])
	}),
	'document.generate': (event, data) => ({
		facts: {
			object: event.objectId,
			batch: event.objectId,
			template: text(data.template),
			version: number(data.version)
		},
		changes: fieldChanges(null, {
			lang: data.lang,
			date: data.date,
			sha256: data.sha256,
			repeated: data.repeated || undefined
		})
	}),
	'template.register': (event, data) => ({
		facts: { object: event.objectId, template: event.objectId, version: number(data.version) },
		changes: [...factsInOrder(data, ['sha256']), ...affected(data.affects)]
	}),
	'template.edit': (event, data) => ({
		facts: { object: event.objectId, template: event.objectId, version: number(data.version) },
		changes: [
			...fieldChanges(event.before, { version: data.version, sha256: data.sha256 }),
			...affected(data.affects)
		]
	}),
	'template.render_failed': (event, data) => ({
		facts: { object: event.objectId, template: event.objectId, version: number(data.version) },
		changes: fieldChanges(null, event.after, [
			'templateId',
			'version',
			'project',
			'createdBy',
			'createdAt'
		])
	}),
	'upload.remove-stale': (event) => {
		const files = record(event.before).files;
		const list = Array.isArray(files) ? files.map(record) : [];
		return {
			facts: { object: event.objectId, count: list.length || number(Number(event.objectId)) },
			changes: list.map((file) => ({
				part: 'field',
				field: 'file',
				kind: 'text',
				after: [text(file.name), text(file.project)].filter(Boolean).join(' · ')
			}))
		};
	},
	'audit.keyed': (event, data) => ({
		facts: { object: event.objectId, count: number(data.legacyEvents) },
		changes: fieldChanges(null, event.after)
	}),
	'draft.keep': (event) => ({
		facts: { object: event.objectId },
		changes: fieldChanges(event.before, event.after)
	}),
	'draft.discard': (event) => ({
		facts: { object: event.objectId },
		changes: fieldChanges(event.before, event.after)
	}),
	'backup.create': (event) => ({
		facts: { object: event.objectId },
		changes: fieldChanges(event.before, event.after)
	}),
	'backup.restore': (event) => ({
		facts: { object: event.objectId },
		changes: fieldChanges(event.before, event.after)
	}),
	// The project, event and section are named by the sentence; the texts are the change.
	'report.narrative': (event) => ({
		facts: { object: event.objectId, project: event.objectId },
		changes: fieldChanges(event.before, event.after, ['project'])
	}),
	'office.update': (event) => ({
		facts: { object: event.objectId },
		changes: fieldChanges(event.before, event.after)
	}),
	...CONTROL_SPECS,
	'sample.draw': sampleDraw,
	'period.close': period,
	'period.reopen': period,
	'retention.edit': retention,
	'project.purge': retention
};

export function describeEvent(event: StoredEvent): EventDescription {
	const data = { ...record(event.before), ...record(event.after) };
	const project = event.project ?? text(data.project);
	const { action } = event;
	const known = isKnownAction(action);
	const described = isKnownAction(action)
		? SPECS[action](event, data)
		: { facts: { object: event.objectId }, changes: fieldChanges(event.before, event.after) };
	return {
		action: event.action,
		known,
		facts: { ...described.facts, ...(project ? { project } : {}) },
		changes: described.changes
	};
}
