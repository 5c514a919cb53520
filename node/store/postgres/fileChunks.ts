/** A local file as a stream of chunks of `size` bytes (the last shorter). */
import { open } from 'node:fs/promises';

export async function* readFileChunks(path: string, size: number): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    for (;;) {
      const buffer = new Uint8Array(size);
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      yield bytesRead === size ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
