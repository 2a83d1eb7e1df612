// Module hooks of trace-modules.mjs; they run on Node's loader thread.
import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data?.file;
}

export async function load(url, context, next) {
  const result = await next(url, context);
  if (file && url.startsWith('file:')) appendFileSync(file, `${url}\n`);
  return result;
}
