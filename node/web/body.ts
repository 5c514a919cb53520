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

/** The client closed the connection before its body arrived whole: nobody waits for an answer. */
export class ClientGoneError extends Error {
  override readonly name = 'ClientGoneError';
  readonly receivedBytes: number;
  constructor(receivedBytes: number) {
    super(`the client closed the connection after ${receivedBytes} bytes of its request body`);
    this.receivedBytes = receivedBytes;
  }
}

/** Bytes received so far, copied once into a buffer of the declared size when there is one. */
class BodyBytes {
  #target: Uint8Array | null;
  #chunks: Buffer[] = [];
  receivedBytes = 0;

  constructor(declaredBytes: number | null) {
    this.#target = declaredBytes === null ? null : new Uint8Array(declaredBytes);
  }

  add(chunk: Buffer): void {
    // Node's parser never delivers more than Content-Length, so the target cannot overflow.
    if (this.#target) this.#target.set(chunk, this.receivedBytes);
    else this.#chunks.push(chunk);
    this.receivedBytes += chunk.length;
  }

  /** The body in a Uint8Array that spans its own ArrayBuffer exactly. */
  bytes(): Uint8Array {
    if (this.#target) return this.#target.subarray(0, this.receivedBytes);
    const whole = new Uint8Array(this.receivedBytes);
    let offset = 0;
    for (const chunk of this.#chunks) {
      whole.set(chunk, offset);
      offset += chunk.length;
    }
    return whole;
  }
}

/** The Content-Length the request declares, or null (chunked, or not a whole number). */
export function declaredLength(request: IncomingMessage): number | null {
  const declared = Number(request.headers['content-length']);
  return request.headers['content-length'] !== undefined && Number.isSafeInteger(declared)
    ? declared
    : null;
}

/**
 * The whole body of `request`, at most `limitBytes` bytes, held once (a declared Content-Length
 * sizes the buffer up front). A declared length over the limit is refused before reading; a body
 * that grows past it stops being buffered at once (BodyTooLargeError); a connection closed
 * before the end rejects with ClientGoneError.
 */
export function readBody(request: IncomingMessage, limitBytes: number): Promise<Uint8Array> {
  const declared = declaredLength(request);
  if (declared !== null && declared > limitBytes) {
    return Promise.reject(new BodyTooLargeError(limitBytes));
  }
  return new Promise((resolve, reject) => {
    const body = new BodyBytes(declared);
    const stop = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      if (body.receivedBytes + chunk.length > limitBytes) {
        stop();
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      body.add(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(body.bytes());
    };
    const onClose = (): void => {
      stop();
      reject(new ClientGoneError(body.receivedBytes));
    };
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('close', onClose);
    // An aborted request also emits 'error' (ECONNRESET); 'close' follows and says it once.
    request.once('error', () => undefined);
  });
}

/** The bytes as an ArrayBuffer of exactly that length, copied only when they share a buffer. */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  if (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  ) {
    return bytes.buffer;
  }
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
