/** The prepared empty PGlite data folder a new embedded database is made from, and how it is remade. */
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fromPackageRoot } from '../package-root';

/**
 * Why a template at all: PGlite makes a new folder by running initdb in a second, in-memory
 * PGlite and copying its files over, which peaked at about 800 MB; unpacking the same files from
 * an archive peaks at about 340 MB, so a first start fits a small machine.
 */
export const templateDir = () => fromPackageRoot('src/lib/server/db/pglite-template');

const ARCHIVE = 'pgdata.tar.gz';
const MANIFEST = 'template.json';

/** What the archive was made with: a folder is only as good as the PGlite and settings that made it. */
export interface TemplateManifest {
	pglite: string;
	/** initdb's server settings (`name=value`), written into the folder's postgresql.conf. */
	settings: string[];
}

/** The installed @electric-sql/pglite's version, from its package.json beside its entry point. */
export function installedPgliteVersion(): string {
	// Its exports do not list package.json, so it is found from the resolved entry (dist/index.cjs).
	const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
	let dir = dirname(entry);
	for (;;) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest)) {
			const { name, version } = JSON.parse(readFileSync(manifest, 'utf8'));
			if (name === '@electric-sql/pglite') return String(version);
		}
		const parent = dirname(dir);
		if (parent === dir) throw new Error('cofund: cannot find the version of @electric-sql/pglite');
		dir = parent;
	}
}

export function readTemplateManifest(dir = templateDir()): TemplateManifest {
	return JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as TemplateManifest;
}

/**
 * The archive to make a new folder from, or why not (then the caller runs initdb as before):
 * a template made by another PGlite, or with other settings, could start a server that does not
 * match its files, so an upgrade falls back instead of breaking a first start.
 */
export function templateArchive(
	settings: readonly string[],
	dir = templateDir()
): { archive: Blob } | { reason: string } {
	if (!existsSync(join(dir, MANIFEST)) || !existsSync(join(dir, ARCHIVE)))
		return { reason: `no template in ${dir}` };
	const manifest = readTemplateManifest(dir);
	const installed = installedPgliteVersion();
	if (manifest.pglite !== installed)
		return {
			reason: `the template was made by PGlite ${manifest.pglite}, this is PGlite ${installed}`
		};
	if (manifest.settings.join(' ') !== settings.join(' '))
		return {
			reason: `the template was made with ${manifest.settings.join(' ')}, not ${settings.join(' ')}`
		};
	return { archive: new Blob([readFileSync(join(dir, ARCHIVE))]) };
}

/**
 * Makes the template: initdb in memory with the given options, as PGlite does for a new folder,
 * and its files archived. Run by `npm run db:template` after an upgrade of PGlite or a change of
 * its settings.
 */
export async function writeTemplate(
	options: PGliteOptions,
	settings: readonly string[],
	dir = templateDir()
): Promise<{ path: string; bytes: number }> {
	const client = await PGlite.create(options);
	let archive: Blob;
	try {
		// A checkpoint first, so the archived files hold everything initdb wrote.
		await client.exec('checkpoint');
		archive = await client.dumpDataDir('gzip');
	} finally {
		await client.close();
	}
	const bytes = new Uint8Array(await archive.arrayBuffer());
	mkdirSync(dir, { recursive: true });
	const path = join(dir, ARCHIVE);
	writeFileSync(path, bytes);
	const manifest: TemplateManifest = { pglite: installedPgliteVersion(), settings: [...settings] };
	writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest, null, '\t') + '\n');
	return { path, bytes: bytes.byteLength };
}
