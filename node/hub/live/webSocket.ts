/**
 * A small WebSocket server end (RFC 6455) for the hub's signalling: text messages up to a size
 * limit, ping/pong and close, no extensions. Node has a WebSocket client but no server; the
 * signalling needs so little of the protocol (a few kB of JSON a call) that ~150 lines serve it
 * better than a dependency (docs/live.md).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { refuseUpgrade } from '../../web/responses.ts';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface ServerSocket {
  send(text: string): void;
  /** Sends a ping; `alive()` is true again once its pong (or any frame) arrives. */
  ping(): void;
  alive(): boolean;
  markUnanswered(): void;
  close(code?: number): void;
  onMessage(listener: (text: string) => void): void;
  onClose(listener: () => void): void;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const head =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127, 0, 0, 0, 0]), uint32(length)]);
  return Buffer.concat([head, payload]);
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

interface Frame {
  readonly fin: boolean;
  readonly opcode: number;
  readonly payload: Buffer;
  readonly size: number;
}

/** The first whole frame of `buffer`; null when more bytes are needed; 'too-large' past max. */
function readFrame(buffer: Buffer, maxBytes: number): Frame | null | 'too-large' | 'unmasked' {
  if (buffer.length < 2) return null;
  const fin = (buffer[0] & 0x80) !== 0;
  const opcode = buffer[0] & 0x0f;
  if ((buffer[1] & 0x80) === 0) return 'unmasked';
  let length = buffer[1] & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    if (buffer.readUInt32BE(2) !== 0) return 'too-large';
    length = buffer.readUInt32BE(6);
    offset = 10;
  }
  if (length > maxBytes) return 'too-large';
  if (buffer.length < offset + 4 + length) return null;
  const mask = buffer.subarray(offset, offset + 4);
  const payload = Buffer.from(buffer.subarray(offset + 4, offset + 4 + length));
  for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
  return { fin, opcode, payload, size: offset + 4 + length };
}

/**
 * Completes the upgrade of `request` (a GET with `Upgrade: websocket`); null (after answering
 * 400) when it is not a version-13 WebSocket handshake.
 */
export function acceptWebSocket(
  request: IncomingMessage,
  socket: Duplex,
  maxMessageBytes: number,
): ServerSocket | null {
  const key = request.headers['sec-websocket-key'];
  const upgrade = (request.headers.upgrade ?? '').toLowerCase();
  if (
    upgrade !== 'websocket' ||
    typeof key !== 'string' ||
    request.headers['sec-websocket-version'] !== '13'
  ) {
    refuseUpgrade(socket, 400, 'Bad Request');
    return null;
  }
  const accept = createHash('sha1')
    .update(key + GUID)
    .digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  let buffered = Buffer.alloc(0);
  let parts: Buffer[] = [];
  let partsBytes = 0;
  let answered = true;
  let closed = false;
  const messageListeners: ((text: string) => void)[] = [];
  const closeListeners: (() => void)[] = [];
  const write = (opcode: number, payload: Buffer) => {
    if (!closed && socket.writable) socket.write(frame(opcode, payload));
  };
  const close = (code = 1000) => {
    if (closed) return;
    write(0x8, Buffer.from([code >> 8, code & 0xff]));
    closed = true;
    socket.end();
    // A peer that never answers the close handshake does not hold the socket.
    setTimeout(() => socket.destroy(), 2000).unref();
  };
  const onFrame = (next: Frame) => {
    answered = true;
    if (next.opcode === 0x8) return close(1000);
    if (next.opcode === 0x9) return write(0xa, next.payload);
    if (next.opcode === 0xa) return;
    if (next.opcode === 0x2) return close(1003);
    if (next.opcode !== 0x1 && next.opcode !== 0x0) return close(1002);
    parts.push(next.payload);
    partsBytes += next.payload.length;
    if (partsBytes > maxMessageBytes) return close(1009);
    if (!next.fin) return;
    const text = Buffer.concat(parts).toString('utf8');
    parts = [];
    partsBytes = 0;
    messageListeners.forEach((listener) => listener(text));
  };
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (!closed) {
      const next = readFrame(buffered, maxMessageBytes);
      if (next === null) return;
      if (next === 'too-large') return close(1009);
      if (next === 'unmasked') return close(1002);
      buffered = buffered.subarray(next.size);
      onFrame(next);
    }
  });
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    closed = true;
    closeListeners.forEach((listener) => listener());
  };
  socket.on('close', end);
  socket.on('error', () => socket.destroy());
  return {
    send: (text) => write(0x1, Buffer.from(text, 'utf8')),
    ping: () => write(0x9, Buffer.alloc(0)),
    alive: () => answered,
    markUnanswered: () => {
      answered = false;
    },
    close,
    onMessage: (listener) => messageListeners.push(listener),
    onClose: (listener) => closeListeners.push(listener),
  };
}
