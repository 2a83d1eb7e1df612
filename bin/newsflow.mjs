#!/usr/bin/env node
// Entry point of the `newsflow` command. It runs the precompiled build of the
// sources (bin/build.mjs: made by `npm ci`, or here on the first run after an
// edit), and the TypeScript sources through tsx when no build can be made, so
// `npx newsflow` works right after `npm ci` either way.
import { compiledMain } from './build.mjs';

async function loadMain() {
  const url = await compiledMain();
  if (url) {
    try {
      return (await import(url)).main;
    } catch {
      // A build that does not load (a half-removed cache): tsx runs the sources.
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}

const main = await loadMain();
const code = await main(process.argv.slice(2));
process.exitCode = code;
// A command that has returned is done: if a connection or timer it left
// behind still holds the event loop a second later, end the process rather
// than run on (issue 17: `workers` with a bad dictionary printed the error
// and kept running). Unref'd, so a process that ends by itself is not held.
globalThis.setTimeout(() => process.exit(code), 1000).unref();
