import { describe, expect, it } from 'vitest';
import { can, canOnProject, PERMISSIONS, ROLES } from './access';

describe('roles', () => {
	it('grants exactly what the office agreed', () => {
		const table = Object.fromEntries(
			ROLES.map((role) => [role, PERMISSIONS.filter((p) => can(role, p))])
		);
		expect(table).toEqual({
			admin: [...PERMISSIONS],
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
		});
	});

	it('lets auditors decide a finding and coordinators only answer it', () => {
		expect(can('auditor', 'control:write')).toBe(true);
		expect(can('auditor', 'control:answer')).toBe(false);
		expect(can('coordinator', 'control:answer')).toBe(true);
		expect(can('coordinator', 'control:write')).toBe(false);
		expect(can('coordinator', 'period:reopen')).toBe(false);
		expect(can('council', 'period:close')).toBe(false);
		for (const role of ['coordinator', 'council', 'auditor'] as const)
			expect(can(role, 'project:purge'), role).toBe(false);
	});

	it('council members and auditors never change anything', () => {
		for (const role of ['council', 'auditor'] as const) {
			for (const p of [
				'project:edit',
				'project:create',
				'import:run',
				'import:revert',
				'document:generate',
				'template:edit'
			] as const)
				expect(can(role, p), `${role} ${p}`).toBe(false);
		}
	});

	it('needs membership of the project, except for admins', () => {
		expect(canOnProject('coordinator', 'project:edit', false)).toBe(false);
		expect(canOnProject('coordinator', 'project:edit', true)).toBe(true);
		expect(canOnProject('admin', 'project:edit', false)).toBe(true);
		expect(canOnProject('auditor', 'project:edit', true)).toBe(false);
	});
});
