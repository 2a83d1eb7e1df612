// `node --import ./test/helpers/trace-modules.mjs …`: append the URL of every
// module this process loads (worker threads included) to the file named by
// NEWSFLOW_TEST_TRACE_MODULES, one a line. Used to check what a command loads.
import { register } from 'node:module';

register('./trace-hooks.mjs', import.meta.url, { data: { file: process.env.NEWSFLOW_TEST_TRACE_MODULES } });
