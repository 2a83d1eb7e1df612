#!/usr/bin/env node
// Entry point of the `newsflow` command. It runs the TypeScript sources
// directly through tsx, so `npx newsflow` works right after `npm ci` with no
// build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
process.exitCode = code;
// A command that has returned is done: if a connection or timer it left
// behind still holds the event loop a second later, end the process rather
// than run on (issue 17: `workers` with a bad dictionary printed the error
// and kept running). Unref'd, so a process that ends by itself is not held.
globalThis.setTimeout(() => process.exit(code), 1000).unref();
