import { disposition, FatalError, NewsflowError, PermanentError } from '../errors';
import type { TextAnalysis } from '../stages/record';
import type { Article } from '../types';

/** What the NLP thread is started with (worker_threads `workerData`). */
export interface ThreadSettings {
  dictPath: string;
  maxChars: number;
}

export type ToThread = { id: number; article: Article };

export interface ThreadError {
  name: string;
  code: string;
  message: string;
  kind: 'retry' | 'give-up' | 'fatal';
}

export type FromThread =
  | { type: 'ready'; dictionaryVersion: string }
  | { type: 'fatal'; error: ThreadError }
  | { type: 'result'; id: number; result?: TextAnalysis; error?: ThreadError };

/** An error as it crosses the thread boundary: its class name, code, message and what the runtime does with it. */
export function serialiseError(err: unknown): ThreadError {
  const kind = disposition(err);
  if (err instanceof NewsflowError) return { name: err.name, code: err.code, message: err.message, kind };
  if (err instanceof Error) return { name: err.name, code: 'E_UNEXPECTED', message: err.message, kind };
  return { name: 'Error', code: 'E_UNEXPECTED', message: String(err), kind };
}

/** The error again on the main thread, in the group it had (give-up, fatal, or retried), under its own name. */
export function reviveError(e: ThreadError): Error {
  const err = e.kind === 'give-up' ? new PermanentError(e.code, e.message) : e.kind === 'fatal' ? new FatalError(e.code, e.message) : new Error(e.message);
  Object.defineProperty(err, 'name', { value: e.name, configurable: true, writable: true });
  return err;
}
