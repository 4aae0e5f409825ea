import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openDatabase } from '$lib/server/db';
import { addRows, makeProjects } from './expense-rows';
import { makeDocument, prepareDocument } from '$lib/server/documents/make-document';
import { rm } from 'node:fs/promises';
await rm('/tmp/rep-db', { recursive: true, force: true });
const handle = await openDatabase({ dataDir: '/tmp/rep-db' }, 'scratch');
const made = await makeProjects(handle, 1, () => 'P001', { id: null, email: 'bench@cofund.example' });
await addRows(handle, made, 0, 10000);
const request = { project: 'P001', template: 'final-report', lang: 'lv' as const, date: '2026-11-24' };
// longest blocks of the event loop while a report is made
let last = performance.now(); let worst: number[] = [];
const tick = setInterval(() => { const now = performance.now(); worst.push(now - last - 5); last = now; }, 5);
for (const step of ['prepare', 'make', 'make'] as const) {
	worst = []; last = performance.now();
	const t = performance.now();
	if (step === 'prepare') await prepareDocument(handle.db, request, 'pdf', undefined);
	else await makeDocument(handle.db, request);
	const w = worst.sort((a, b) => b - a).slice(0, 6).map((x) => x.toFixed(0));
	console.log(step, ((performance.now() - t) / 1000).toFixed(2), 's; longest blocks ms', w.join(' '), '; blocked total', worst.filter((x) => x > 2).reduce((a, b) => a + b, 0).toFixed(0));
}
clearInterval(tick);
await handle.close();
