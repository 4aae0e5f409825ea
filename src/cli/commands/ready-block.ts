/** The block `cofund demo --serve` ends with: where the app is, and the accounts to sign in with. */
import type { Locale } from '$lib/domain/locale';
import { roleName } from '$lib/i18n/roles';
import { m } from '$lib/paraglide/messages.js';
import type { DemoAccount } from './demo';

export function readyBlock(url: string, accounts: DemoAccount[], locale: Locale): string {
	const say = { locale };
	const role = (r: DemoAccount['role']) => roleName(r, locale);
	const roleWidth = Math.max(...accounts.map((a) => role(a.role).length));
	const emailWidth = Math.max(...accounts.map((a) => a.email.length));
	const lines = [
		m.shell_ready_open({ url }, say),
		'',
		m.shell_ready_accounts({}, say),
		...accounts.map(
			(a) => `  ${role(a.role).padEnd(roleWidth)}  ${a.email.padEnd(emailWidth)}  ${a.password}`
		),
		'',
		m.shell_ready_stop({}, say)
	];
	const width = Math.max(...lines.map((line) => line.length));
	const rule = '─'.repeat(width + 4);
	return ['', `┌${rule}┐`, ...lines.map((line) => `│  ${line.padEnd(width)}  │`), `└${rule}┘`].join(
		'\n'
	);
}
