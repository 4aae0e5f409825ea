/** Finds cofund's own folder, so migrations and samples resolve the same from source, the build and the CLI. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
	if (cached) return cached;
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'cofund') {
			cached = dir;
			return dir;
		}
		const parent = dirname(dir);
		if (parent === dir) throw new Error('cofund: cannot find its own package.json');
		dir = parent;
	}
}

export function fromPackageRoot(...parts: string[]): string {
	return join(packageRoot(), ...parts);
}
