/** Who may do what: the four roles and their permissions. Project permissions also need membership. */

export const ROLES = ['admin', 'coordinator', 'council', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
	'project:read',
	'project:edit',
	'project:create',
	'import:run',
	'import:revert',
	'document:generate',
	'document:verify',
	'template:edit',
	'audit:read',
	'original:download',
	'user:manage',
	'backup:create',
	/** The instance's letterhead (the municipality's name and logo on documents): admins only. */
	'office:manage',
	/** A finding on an expense: verify, query, deduct, close or keep a query; the reasons list. */
	'control:write',
	/** Answer an auditor's query with text and evidence files (not decide it). */
	'control:answer',
	'period:close',
	/** Reopening a closed period undoes a control's lock: auditors and admins, with a reason. */
	'period:reopen',
	/** The date until which a project's records are kept, changed with a reason. */
	'retention:edit',
	/** Destroying a project's records, once their retention has ended: admins only. */
	'project:purge'
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
	admin: PERMISSIONS,
	coordinator: [
		'project:read',
		'project:edit',
		'project:create',
		'import:run',
		'import:revert',
		'document:generate',
		'document:verify',
		'template:edit',
		'control:answer',
		'period:close'
	],
	council: ['project:read', 'document:verify'],
	auditor: [
		'project:read',
		'document:verify',
		'audit:read',
		'original:download',
		'control:write',
		'period:close',
		'period:reopen',
		'retention:edit'
	]
};

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
	return GRANTS[role].includes(permission);
}

/** Admins see every project; everyone else only the projects they are a member of. */
export function canOnProject(role: Role, permission: Permission, isMember: boolean): boolean {
	return can(role, permission) && (role === 'admin' || isMember);
}
