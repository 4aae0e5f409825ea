// `npm start`'s build: runs `vite build` with its output kept in .svelte-kit/build.log, and says
// one line when it worked. The build's own chatter (paraglide, adapter-node's bundler notes about
// its dependencies' circular imports) is not for a newcomer; on a failure all of it is shown.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { m } from '../lib/paraglide/messages.js';

// The CLI's choice of language (COFUND_LANG, then the system's), English unless Latvian.
const tag = process.env.COFUND_LANG || process.env.LC_ALL || process.env.LANG || '';
/** @type {{ locale: 'lv' | 'en' }} */
const say = { locale: tag.toLowerCase().startsWith('lv') ? 'lv' : 'en' };

const LOG = '.svelte-kit/build.log';
const started = performance.now();
console.log(m.shell_build_start({}, say));
const build = spawn(
	process.execPath,
	['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
	{
		stdio: ['ignore', 'pipe', 'pipe']
	}
);
/** @type {Buffer[]} */
const output = [];
build.stdout.on('data', (chunk) => output.push(chunk));
build.stderr.on('data', (chunk) => output.push(chunk));
build.on('close', (code) => {
	const text = Buffer.concat(output).toString('utf8');
	mkdirSync('.svelte-kit', { recursive: true });
	writeFileSync(LOG, text);
	const seconds = ((performance.now() - started) / 1000).toFixed(0);
	if (code === 0) {
		console.log(m.shell_build_done({ seconds, log: LOG }, say));
	} else {
		process.stderr.write(text);
		console.error(m.shell_build_failed({ code: String(code), log: LOG }, say));
	}
	process.exitCode = code ?? 1;
});
