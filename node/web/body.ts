/** Reading a request body with a size limit, so a client cannot make the host buffer gigabytes. */
import type { IncomingMessage } from 'node:http';

/** Thrown when a body exceeds its limit; the answer is 413. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  readonly limitBytes: number;
  constructor(limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes.`);
    this.limitBytes = limitBytes;
  }
}

/**
 * The whole body of `request`, at most `limitBytes` bytes. A declared Content-Length over the
 * limit is refused before reading; a body that grows past it stops being buffered at once.
 */
export function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    return Promise.reject(new BodyTooLargeError(limitBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let receivedBytes = 0;
    const onData = (chunk: Buffer): void => {
      receivedBytes += chunk.length;
      if (receivedBytes > limitBytes) {
        request.off('data', onData);
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks, receivedBytes)));
    request.once('error', reject);
  });
}

/** The bytes of a Buffer as an ArrayBuffer of exactly that length (a Buffer may share a pool). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
