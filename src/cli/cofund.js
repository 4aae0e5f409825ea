#!/usr/bin/env node
// The `cofund` command. It runs the TypeScript sources through tsx, so the CLI and the web app
// share one set of services with no separate build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const entry = './main.ts';
const { run } = await import(entry);
process.exitCode = await run(process.argv);
