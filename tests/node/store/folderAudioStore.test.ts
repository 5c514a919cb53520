/** The folder audio store passes the audio-store contract. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createFolderAudioStore } from '../../../node/store/folderAudioStore.ts';
import { temporaryFolder } from '../library/libraryFixtures.ts';
import { describeAudioStoreContract } from './audioStoreContract.ts';

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let count = 0;
beforeAll(async () => {
  folder = await temporaryFolder('auscult-audio-store-');
});
afterAll(async () => {
  await folder.remove();
});

describeAudioStoreContract('a folder', {
  async fresh() {
    const root = join(folder.path, String(++count));
    await mkdir(join(root, 'recordings'), { recursive: true });
    await mkdir(join(root, 'scratch'));
    return {
      audio: createFolderAudioStore(join(root, 'recordings')),
      scratch: join(root, 'scratch'),
    };
  },
});
