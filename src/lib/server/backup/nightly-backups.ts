/**
 * The app's nightly backups: with COFUND_BACKUP_DIR set, one backup per office day (Riga time)
 * in that folder, made at the first hourly check of the day, and soon after start when there is
 * none from today yet; the newest COFUND_BACKUP_KEEP are kept and older ones removed.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { officeToday } from '$lib/domain/format';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { BackupConfig } from '../config';
import type { Database } from '../db';
import { writeBackupFile } from './write-backup';

/** `cofund-2026-12-01-031500.backup.gz`: the office date and time it was made, so names sort by age. */
const NAME = /^cofund-(\d{4}-\d{2}-\d{2})-(\d{6})\.backup\.gz$/;

const OFFICE_TIME = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Riga',
	hourCycle: 'h23',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

export function backupName(now: Date): string {
	return `cofund-${officeToday(now)}-${OFFICE_TIME.format(now).replaceAll(':', '')}.backup.gz`;
}

export interface KeptBackup {
	name: string;
	/** The office date in its name. */
	date: string;
	bytes: number;
	madeAt: Date;
}

/** The backups in the folder, newest first; other files there are left alone. */
export async function listBackups(dir: string): Promise<KeptBackup[]> {
	let names: string[];
	try {
		names = await readdir(dir);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	const kept: KeptBackup[] = [];
	for (const name of names
		.filter((n) => NAME.test(n))
		.sort()
		.reverse()) {
		const info = await stat(join(dir, name));
		kept.push({ name, date: name.slice(7, 17), bytes: info.size, madeAt: info.mtime });
	}
	return kept;
}

/** Removes all but the newest `keep` backups (and their .sha256); returns the names removed. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
	const old = (await listBackups(dir)).slice(keep).map((b) => b.name);
	for (const name of old) {
		await rm(join(dir, name), { force: true });
		await rm(join(dir, `${name}.sha256`), { force: true });
	}
	return old;
}

/** Makes today's backup unless the folder has one from today already; then prunes. */
export async function nightlyBackup(
	db: Database,
	config: { dir: string; keep: number },
	now = new Date()
): Promise<'made' | 'exists'> {
	await mkdir(config.dir, { recursive: true });
	const today = officeToday(now);
	const existing = await listBackups(config.dir);
	let outcome: 'made' | 'exists' = 'exists';
	if (!existing.some((b) => b.date === today)) {
		await writeBackupFile(db, join(config.dir, backupName(now)), SYSTEM_ACTOR);
		outcome = 'made';
	}
	await pruneBackups(config.dir, config.keep);
	return outcome;
}

/**
 * Checks soon after start and then every hour, never keeping the process alive for it, one run
 * at a time; returns the stop that shutdown calls.
 */
export function scheduleNightlyBackups(
	db: Database,
	config: BackupConfig,
	every = 60 * 60 * 1000,
	firstAfter = 60 * 1000
): () => void {
	const { dir, keep } = config;
	if (!dir) return () => {};
	let running = false;
	const run = () => {
		if (running) return;
		running = true;
		nightlyBackup(db, { dir, keep })
			.then((outcome) => {
				if (outcome === 'made') console.log(`cofund: nightly backup written to ${dir}`);
			})
			.catch((error: unknown) =>
				console.error(`cofund: the nightly backup in ${dir} failed`, error)
			)
			.finally(() => (running = false));
	};
	const first = setTimeout(run, firstAfter);
	first.unref();
	const timer = setInterval(run, every);
	timer.unref();
	return () => {
		clearTimeout(first);
		clearInterval(timer);
	};
}
