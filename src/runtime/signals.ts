/**
 * Run `stop` once on the first SIGTERM or SIGINT; a second signal exits at
 * once. Returns a function that removes the handlers.
 */
export function onShutdownSignal(stop: (signal: string) => Promise<void> | void): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    void stop(signal);
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
  };
}

/**
 * Call `onOrphaned` once when this process's parent dies. `npx newsflow
 * workers` runs the worker under npm and a shell; npm does not pass SIGTERM
 * on, so when it is stopped the worker used to run on alone (issue 17). The
 * kernel then hands the process to another parent (init or a subreaper):
 * the parent pid changes, which a one-second poll notices. A process started
 * with parent pid 1 (a container's init, a service manager) has nothing to
 * watch.
 */
export function watchParent(onOrphaned: (previousParent: number) => void, intervalMs = 1_000): () => void {
  const parent = process.ppid;
  if (parent <= 1) return () => {};
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphaned(parent);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * End the process after `ms` whatever still runs: the last resort that
 * keeps a stop within its grace when a connection or a job will not let go
 * (Redis unreachable, BullMQ waiting on a reply). Unref'd: it never keeps a
 * process alive by itself.
 */
export function exitAfter(ms: number, code: number, beforeExit?: () => void): () => void {
  const timer = setTimeout(() => {
    beforeExit?.();
    process.exit(code);
  }, ms);
  timer.unref();
  return () => clearTimeout(timer);
}
