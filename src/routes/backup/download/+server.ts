// Thin: streams a backup made now to the admin who asked, named with the date, and audits it.
import { auditBackup, backupStream } from '$lib/server/backup/write-backup';
import { backupName } from '$lib/server/backup/nightly-backups';
import { Readable } from 'node:stream';

export async function POST({ locals }) {
	const user = locals.user!;
	const name = backupName(new Date());
	const { stream, done } = backupStream(locals.db);
	done
		.then((result) => auditBackup(locals.db, user, result, name))
		.catch((error: unknown) => console.error('cofund: a backup download did not finish', error));
	return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': 'application/gzip',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
}
