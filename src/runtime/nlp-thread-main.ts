import { parentPort, workerData } from 'node:worker_threads';
import { analyseText } from '../stages/analyse';
import { loadNlp } from './nlp';
import { serialiseError, type FromThread, type ThreadSettings, type ToThread } from './nlp-thread-protocol';

/**
 * The NLP thread: loads the dictionary, the tagger and the label lexicons
 * once, then analyses one article per message, in order. Only pure work
 * runs here; Redis, BullMQ and logging stay on the main thread.
 */
const port = parentPort!;
const settings = workerData as ThreadSettings;
const post = (m: FromThread) => port.postMessage(m);
try {
  const { nlp, dictionaryVersion } = loadNlp({ dictPath: settings.dictPath });
  port.on('message', (m: ToThread) => {
    try {
      post({ type: 'result', id: m.id, result: analyseText(m.article, { nlp, dictionaryVersion, maxChars: settings.maxChars }) });
    } catch (err) {
      post({ type: 'result', id: m.id, error: serialiseError(err) });
    }
  });
  post({ type: 'ready', dictionaryVersion });
} catch (err) {
  post({ type: 'fatal', error: serialiseError(err) });
}
