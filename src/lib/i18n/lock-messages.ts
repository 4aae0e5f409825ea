/** Says who holds the embedded database's folder, in the reader's language and Riga time. */
import { formatOfficeMoment } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';

export interface LockRefusal {
	dataDir: string;
	holder: { pid: number; purpose: string; since: string };
}

export function describeLockRefusal({ dataDir, holder }: LockRefusal, locale: Locale): string {
	const moment = new Date(holder.since);
	const since = Number.isNaN(moment.getTime()) ? holder.since : formatOfficeMoment(moment, locale);
	return m.cli_data_dir_locked(
		{ dataDir, pid: holder.pid, purpose: holder.purpose, since },
		{ locale }
	);
}
