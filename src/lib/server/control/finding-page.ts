/** What the expense's detail page shows: the row, its finding and thread, and what the reader may do. */
import { allowedActions } from '$lib/domain/control/finding-rules';
import type { AppUser } from '../auth/users';
import type { Database } from '../db';
import { DOWNLOAD_ORIGINAL, mayUse } from '../access/offered-actions';
import { listReasons } from './control-reasons';
import { findingPowers } from './finding-access';
import { findingOf, findingThread, liveExpense, nextUnchecked } from './finding-read';

export async function findingPage(
	db: Database,
	reader: AppUser,
	code: string,
	projectId: number,
	id: number
) {
	const expense = Number.isSafeInteger(id) ? await liveExpense(db, projectId, id) : null;
	if (!expense) return null;
	const [finding, thread, powers, reasons, canDownload, next] = await Promise.all([
		findingOf(db, id),
		findingThread(db, id),
		findingPowers(db, reader, code),
		listReasons(db),
		mayUse(db, reader, DOWNLOAD_ORIGINAL, code),
		nextUnchecked(db, projectId, expense)
	]);
	const current = finding.state === 'unchecked' ? null : { ...finding, state: finding.state };
	return {
		expense,
		finding,
		thread,
		version: thread.length,
		actions: allowedActions(current, powers),
		canEditReasons: powers.write,
		reasons,
		canDownload,
		next
	};
}
