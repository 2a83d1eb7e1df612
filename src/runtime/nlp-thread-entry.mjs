// Entry point of the analyse worker's NLP thread (src/runtime/nlp-thread.ts):
// a worker thread does not inherit the main thread's tsx hooks, so it
// registers its own before loading the TypeScript side.
import { register } from 'tsx/esm/api';

register();
await import('./nlp-thread-main.ts');
