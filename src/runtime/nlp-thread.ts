import { Worker } from 'node:worker_threads';
import type { Config } from '../config/index';
import { RetryableError } from '../errors';
import type { TextAnalysis } from '../stages/record';
import type { Article } from '../types';
import { NLP_THREAD_YOUNG_MB } from './heap';
import { reviveError, type FromThread, type ThreadSettings } from './nlp-thread-protocol';

/**
 * The analyse worker's CPU work on a thread of its own. A long article
 * keeps that thread busy, never the main thread, so BullMQ goes on renewing
 * the locks of every job in the process (issue 17: a 50 MB article blocked
 * the event loop for 400 s, every lock expired and every job in the process
 * was dead-lettered as stalled), and SIGTERM is handled at once.
 */
export interface NlpThread {
  dictionaryVersion: string;
  /** Analyse one article (articles queue up in the thread, one at a time). */
  analyse(article: Article, signal?: AbortSignal): Promise<TextAnalysis>;
  /** Stop the thread now; analyses in progress are rejected. */
  close(): Promise<void>;
}

/** Set by the precompiled build (bin/build.mjs) to its compiled thread module; undefined under tsx. */
declare const NEWSFLOW_THREAD_ENTRY: string | undefined;
// Under tsx the thread needs an entry that registers tsx in it (a worker
// thread does not inherit the hooks); the build's thread module needs none.
const ENTRY = new URL(typeof NEWSFLOW_THREAD_ENTRY === 'string' ? NEWSFLOW_THREAD_ENTRY : './nlp-thread-entry.mjs', import.meta.url);

interface Pending {
  resolve(a: TextAnalysis): void;
  reject(e: Error): void;
}

/** One started thread: resolves once the dictionary and tagger are loaded, rejects with their load error. */
function spawn(settings: ThreadSettings, onExit: (err: Error) => void) {
  const pending = new Map<number, Pending>();
  const worker = new Worker(ENTRY, { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: NLP_THREAD_YOUNG_MB } });
  const ready = new Promise<string>((resolve, reject) => {
    worker.on('message', (m: FromThread) => {
      if (m.type === 'ready') resolve(m.dictionaryVersion);
      else if (m.type === 'fatal') {
        reject(reviveError(m.error));
        void worker.terminate();
      } else {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (!p) return;
        if (m.result) p.resolve(m.result);
        else p.reject(reviveError(m.error!));
      }
    });
    const gone = (why: string) => {
      const err = new RetryableError('E_NLP_THREAD', `analysis thread stopped: ${why}`);
      reject(err);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      onExit(err);
    };
    worker.on('error', (e) => gone(e.message));
    worker.on('exit', (code) => gone(`exit code ${code}`));
  });
  return { worker, pending, ready };
}

/**
 * Start the NLP thread and wait until it has loaded the dictionary; a bad
 * dictionary rejects with its DictionaryError. A thread that dies later
 * (its own heap limit, a crash) fails the analyses it held with a retryable
 * error and is started again for the next one.
 */
export async function startNlpThread(config: Pick<Config, 'dictPath' | 'articleMaxChars'>): Promise<NlpThread> {
  const settings: ThreadSettings = { dictPath: config.dictPath, maxChars: config.articleMaxChars };
  let closed = false;
  let nextId = 0;
  let current: ReturnType<typeof spawn> | null = null;
  const start = () => {
    const t = spawn(settings, () => {
      if (current === t) current = null;
    });
    current = t;
    return t;
  };
  const first = start();
  const dictionaryVersion = await first.ready;
  return {
    dictionaryVersion,
    async analyse(article, signal) {
      if (closed) throw new RetryableError('E_NLP_THREAD', 'analysis thread closed');
      signal?.throwIfAborted();
      const t = current ?? start();
      await t.ready;
      const id = nextId++;
      return new Promise<TextAnalysis>((resolve, reject) => {
        const onAbort = () => {
          t.pending.delete(id);
          reject(signal!.reason instanceof Error ? signal!.reason : new Error('aborted'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        t.pending.set(id, {
          resolve: (a) => (signal?.removeEventListener('abort', onAbort), resolve(a)),
          reject: (e) => (signal?.removeEventListener('abort', onAbort), reject(e)),
        });
        t.worker.postMessage({ id, article });
      });
    },
    async close() {
      closed = true;
      const t = current;
      current = null;
      if (t) await t.worker.terminate();
    },
  };
}
