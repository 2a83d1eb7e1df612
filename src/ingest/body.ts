import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { BodyTooLargeError, ConnectionError } from '../errors';

function decoderFor(coding: string, url: string): Transform | null {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    case 'identity':
    case '':
      return null;
    default:
      throw new ConnectionError(url, { cause: new Error(`unsupported Content-Encoding ${coding}`) });
  }
}

/**
 * Read a response body, undoing its Content-Encoding, and stop as soon as
 * the decoded bytes pass `maxBytes`: a 30 KB gzip that inflates to 30 GB is
 * cut off after `maxBytes` of output, before it costs memory.
 */
export async function readBody(body: Readable, contentEncoding: string | undefined, maxBytes: number, url: string): Promise<Buffer> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c.length > 0)
    .reverse();
  const decoders = codings.map((c) => decoderFor(c, url)).filter((d): d is Transform => d !== null);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    const collect = async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        total += chunk.length;
        if (total > maxBytes) throw new BodyTooLargeError(url, maxBytes);
        chunks.push(chunk);
      }
    };
    // The typed overloads of pipeline do not cover a variable number of transforms.
    await (pipeline as unknown as (...stages: unknown[]) => Promise<void>)(body, ...decoders, collect);
  } catch (err) {
    // Stopping a decoder mid-stream can surface as its AbortError rather than ours.
    if (total > maxBytes) throw new BodyTooLargeError(url, maxBytes);
    if (err instanceof BodyTooLargeError || err instanceof ConnectionError) throw err;
    // zlib errors and truncated bodies: the transfer broke, a later try may succeed.
    if (isZlibError(err)) throw new ConnectionError(url, { cause: err });
    throw err;
  }
  return Buffer.concat(chunks, total);
}

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
