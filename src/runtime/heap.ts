import { setFlagsFromString } from 'node:v8';

/**
 * Young generation of the analyse worker's NLP thread, in MB (Node's
 * `resourceLimits.maxYoungGenerationSizeMb`). V8 grows it to about 48 MB
 * under allocation churn; the analysis keeps almost nothing between
 * articles, so a small one costs no measurable CPU and keeps the process
 * under issue 15's 200 MB (docs/performance.md).
 */
export const NLP_THREAD_YOUNG_MB = 8;

/**
 * Keep a long-running worker process's main-thread young generation at its
 * starting size: V8 grows it to 32 MB of semi-spaces under BullMQ's and
 * ioredis's churn, resident for good. `--max-semi-space-size` can only be
 * given at start; the growth factor is read whenever the heap resizes.
 */
export function leanYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
