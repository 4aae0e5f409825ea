// `npm test`: runs the given npm scripts one after another, stops at the first that fails (with
// its exit code), and prints each one's wall time, so a slow stage on a busy machine is named.
import { spawnSync } from 'node:child_process';

const times = [];
let failed = 0;
for (const stage of process.argv.slice(2)) {
	const started = performance.now();
	console.log(`== ${stage}`);
	const result = spawnSync('npm', ['run', stage], { stdio: 'inherit' });
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	times.push(`${stage} ${seconds} s`);
	console.log(`== ${stage}: ${seconds} s`);
	if (result.status !== 0) {
		failed = result.status ?? 1;
		console.log(`== ${stage} failed`);
		break;
	}
}
console.log(`== wall time: ${times.join(', ')}`);
process.exitCode = failed;
