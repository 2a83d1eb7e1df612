/**
 * Whether Redis refused a write because it is at `maxmemory` (noeviction):
 * `OOM command not allowed when used memory > 'maxmemory'`, as a reply to a
 * command or from inside a Lua script. Such a write changed nothing, so the
 * runtime retries it later with backoff and never gives the job up for it
 * (issue 17).
 */
export function isOutOfMemory(err: unknown): boolean {
  return err instanceof Error && /\bOOM command not allowed\b/.test(err.message);
}
