/**
 * Who may use each route: its page (GET) and each form action. Every route must be listed; the
 * access hook refuses any route that is not (and a test fails), so a new page cannot slip out
 * without a decision about who sees it.
 */
import type { Permission } from '$lib/domain/access';
import { MAKE_PERMISSIONS } from '$lib/domain/documents/template-access';

export type Rule =
	| 'public'
	| 'signed-in'
	| { permission: Permission }
	/** The permission on the project named by the route's `code` parameter. */
	| { permission: Permission; project: 'code' }
	/** Any one of the permissions on the project; the route then decides further itself. */
	| { anyOf: readonly Permission[]; project: 'code' };

export const ENDPOINT_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type EndpointMethod = (typeof ENDPOINT_METHODS)[number];

export interface RouteRule {
	page?: Rule;
	actions?: Record<string, Rule>;
	/** A `+server.ts` route: a rule per HTTP method it exports. */
	endpoints?: Partial<Record<EndpointMethod, Rule>>;
	/** Largest request body, in bytes, when it is not the default; see `bodyLimitFor`. */
	bodyLimit?: 'import' | 'document';
}

const onProject = (permission: Permission): Rule => ({ permission, project: 'code' });

export const ROUTE_RULES: Record<string, RouteRule> = {
	'/': { page: 'signed-in' },
	'/login': { page: 'public', actions: { default: 'public' } },
	'/logout': { page: 'signed-in', actions: { default: 'signed-in' } },
	'/setup': { page: 'public', actions: { default: 'public' } },
	'/account': { page: 'signed-in', actions: { default: 'signed-in' } },
	'/reset': { page: 'public', actions: { default: 'public' } },
	'/forbidden': { page: 'signed-in' },
	'/people': {
		page: { permission: 'user:manage' },
		actions: {
			add: { permission: 'user:manage' },
			role: { permission: 'user:manage' },
			grant: { permission: 'user:manage' },
			revoke: { permission: 'user:manage' },
			disable: { permission: 'user:manage' },
			enable: { permission: 'user:manage' },
			resetLink: { permission: 'user:manage' }
		}
	},
	'/audit': { page: { permission: 'audit:read' } },
	'/backup': { page: { permission: 'backup:create' } },
	'/backup/download': { endpoints: { POST: { permission: 'backup:create' } } },
	'/audit/csv': { endpoints: { GET: { permission: 'audit:read' } } },
	'/projects': { page: 'signed-in' },
	'/portfolio': { page: 'signed-in' },
	'/portfolio/expenses': { page: 'signed-in' },
	'/projects/new': {
		page: { permission: 'project:create' },
		actions: { default: { permission: 'project:create' } }
	},
	'/projects/drafts': {
		page: { permission: 'project:create' },
		actions: {
			keep: { permission: 'project:create' },
			discard: { permission: 'project:create' }
		}
	},
	'/projects/[code]': { page: onProject('project:read') },
	'/projects/[code]/edit': {
		page: onProject('project:edit'),
		actions: { default: onProject('project:edit') }
	},
	'/projects/[code]/dashboard': { page: onProject('project:read') },
	// Council members and auditors read the proposal and the draft; coordinators prepare them.
	'/projects/[code]/plan/amend': {
		page: onProject('project:read'),
		actions: {
			accept: onProject('project:edit'),
			save: onProject('project:edit'),
			submit: onProject('project:edit'),
			return: onProject('project:edit'),
			discard: onProject('project:edit'),
			adopt: onProject('project:edit')
		}
	},
	'/projects/[code]/expenses': { page: onProject('project:read') },
	'/projects/[code]/periods': {
		page: onProject('project:read'),
		actions: {
			close: onProject('period:close'),
			reopen: onProject('period:reopen'),
			retention: onProject('retention:edit')
		}
	},
	'/projects/[code]/expenses/csv': { endpoints: { GET: onProject('project:read') } },
	// The expense and its finding: auditors decide, coordinators answer an open query.
	'/projects/[code]/expenses/[id]': {
		page: onProject('project:read'),
		actions: {
			verify: onProject('control:write'),
			query: onProject('control:write'),
			deduct: onProject('control:write'),
			close: onProject('control:write'),
			keep: onProject('control:write'),
			clear: onProject('control:write'),
			answer: onProject('control:answer')
		},
		bodyLimit: 'document'
	},
	// Evidence answers a query that every reader of the thread sees, so it is theirs to read too.
	'/projects/[code]/expenses/[id]/evidence/[file]': {
		endpoints: { GET: onProject('project:read') }
	},
	'/projects/[code]/trips': { page: onProject('project:read') },
	'/projects/[code]/trips/csv': { endpoints: { GET: onProject('project:read') } },
	'/projects/[code]/import': {
		page: onProject('import:run'),
		actions: { saveProfile: onProject('import:run') }
	},
	'/projects/[code]/import/upload': {
		endpoints: { POST: onProject('import:run') },
		bodyLimit: 'import'
	},
	'/projects/[code]/import/run': { endpoints: { POST: onProject('import:run') } },
	// The run's own user, or an admin: import-runs.ts decides who among those may cancel it.
	'/projects/[code]/import/cancel': { endpoints: { POST: onProject('import:run') } },
	'/projects/[code]/imports': {
		page: onProject('project:read'),
		actions: { revert: onProject('import:revert') }
	},
	'/projects/[code]/imports/[id]': { page: onProject('project:read') },
	'/projects/[code]/imports/[id]/original': { endpoints: { GET: onProject('original:download') } },
	'/projects/[code]/documents': { page: onProject('project:read') },
	'/projects/[code]/control': {
		page: onProject('project:read'),
		actions: { draw: onProject('control:write') }
	},
	'/projects/[code]/control/samples/[number]': {
		page: onProject('project:read'),
		actions: { redraw: onProject('project:read') }
	},
	'/projects/[code]/report': {
		page: onProject('document:generate'),
		actions: { default: onProject('document:generate') }
	},
	'/settings': {
		page: { permission: 'office:manage' },
		actions: { default: { permission: 'office:manage' } }
	},
	'/settings/control-reasons': {
		page: { permission: 'control:write' },
		actions: {
			add: { permission: 'control:write' },
			rename: { permission: 'control:write' },
			move: { permission: 'control:write' },
			retire: { permission: 'control:write' },
			restore: { permission: 'control:write' }
		}
	},
	'/projects/[code]/documents/preview': { endpoints: { GET: onProject('project:read') } },
	// Whoever may make some document; the endpoint then asks about the template (template-access.ts).
	'/projects/[code]/documents/make': {
		endpoints: { POST: { anyOf: MAKE_PERMISSIONS, project: 'code' } }
	},
	'/projects/[code]/documents/docx': {
		endpoints: { POST: { anyOf: MAKE_PERMISSIONS, project: 'code' } }
	},
	'/projects/[code]/documents/[id]': { endpoints: { GET: onProject('project:read') } },
	'/verify': {
		page: { permission: 'document:verify' },
		actions: { default: { permission: 'document:verify' } },
		bodyLimit: 'document'
	},
	'/templates': { page: 'signed-in' },
	'/templates/reference': { page: 'signed-in' },
	'/templates/[id]': {
		page: 'signed-in',
		actions: {
			save: { permission: 'template:edit' },
			review: { permission: 'template:edit' },
			edit: { permission: 'template:edit' }
		}
	},
	'/templates/[id]/check': { endpoints: { POST: { permission: 'template:edit' } } },
	'/templates/[id]/preview': { endpoints: { POST: { permission: 'template:edit' } } }
};
