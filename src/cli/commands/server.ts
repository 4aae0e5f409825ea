/** `cofund serve` runs the built web app; `cofund db migrate` brings a database up to date. */
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';
import { readDatabaseConfig } from '$lib/server/config';
import { fromPackageRoot } from '$lib/server/package-root';
import type { Command } from 'commander';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { CliFailure, withDatabase, type CliContext } from '../context';

/** Starts the built web app in this process, and says where it is and which database it uses. */
export async function startApp(locale: Locale) {
	const entry = fromPackageRoot('build/index.js');
	if (!existsSync(entry)) throw new CliFailure(m.cli_serve_no_build({}, { locale }));
	const config = readDatabaseConfig();
	// adapter-node assumes https when it is not told the public address, and SvelteKit's
	// CSRF check then refuses every form sent over plain http. Say where a local install is.
	process.env.ORIGIN ||= `http://localhost:${process.env.PORT || 3000}`;
	const app: { server?: { server?: Server } } = await import(pathToFileURL(entry).href);
	// Said once the app listens, after adapter-node's own line, so that it is the last word.
	const http = app.server?.server;
	if (http && !http.listening) await once(http, 'listening');
	return {
		url: process.env.ORIGIN,
		engine: config.url ? 'PostgreSQL' : 'PGlite',
		location: config.url ? 'DATABASE_URL' : config.dataDir
	};
}

export function registerServerCommands(program: Command, context: () => CliContext): void {
	const say = { locale: context().locale };
	program
		.command('serve')
		.description(m.help_serve({}, say))
		.action(async () => {
			const { locale, out } = context();
			const { url, engine, location } = await startApp(locale);
			out(m.cli_serve_ready({ url, engine, location }, { locale }));
		});

	program
		.command('db')
		.description(m.help_db({}, say))
		.command('migrate')
		.description(m.help_migrate({}, say))
		.action(async () => {
			const { locale, out } = context();
			await withDatabase('cofund db migrate', async ({ engine, location }) => {
				out(m.cli_migrated({ engine, location }, { locale }));
			});
		});
}
