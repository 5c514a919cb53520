/**
 * The store contract, transactions and concurrent writers (node/store/types.ts,
 * LibraryStore.transaction): all of a transaction or none, calls outside it waiting, two
 * connections writing at once, a writer killed mid-write. Every store runs it next to
 * storeContract.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../../node/store/types.ts';
import { killDelaysMs, runAndKill } from '../../helpers/killChild.ts';
import { lathe } from './contractFixtures.ts';
import type { StoreHarness } from './contractFixtures.ts';
import { STORE_WRITER } from './storeWriterPath.ts';

export function describeTransactionContract(name: string, harness: StoreHarness): void {
  describe(`the store contract, transactions: ${name}`, () => {
    let store: LibraryStore;
    let reopen: () => Promise<LibraryStore>;
    let spec: string[];
    beforeEach(async () => {
      ({ store, reopen, spec } = await harness.fresh());
      return () => store.close();
    });

    it('keeps all of a transaction, or none of it when it fails', async () => {
      const kept = await store.transaction(async (tx) => {
        const id = await tx.machines.insert(lathe);
        await tx.settings.set('k', 'v');
        return id;
      });
      await expect(
        store.transaction(async (tx) => {
          await tx.machines.insert({ ...lathe, name: 'Lost' });
          await tx.settings.set('k', 'lost');
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect((await store.machines.list()).map((m) => m.id)).toEqual([kept]);
      expect(await store.settings.get('k')).toBe('v');
    });

    it('makes calls wait while a transaction is open, so none is rolled back with it', async () => {
      let outside: Promise<string> | null = null;
      await expect(
        store.transaction(async (tx) => {
          await tx.machines.insert({ ...lathe, name: 'Inside' });
          outside = store.machines.insert({ ...lathe, name: 'Outside' });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await outside;
      expect((await store.machines.list()).map((m) => m.name)).toEqual(['Outside']);
    });

    it('keeps every write of two connections writing at once', async () => {
      const second = await reopen();
      try {
        const writes = Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? store : second).machines.insert({ ...lathe, name: `Lathe ${i}` }),
        );
        const ids = await Promise.all(writes);
        expect(new Set(ids).size).toBe(40);
        expect((await second.machines.list()).length).toBe(40);
        expect((await store.machines.list()).length).toBe(40);
      } finally {
        await second.close();
      }
    });

    it('keeps every acknowledged write of a writer killed mid-write', async () => {
      const acknowledged: string[] = [];
      for (const delayMs of killDelaysMs(4, 7, 400)) {
        const run = await runAndKill(STORE_WRITER, spec, { delayMs, after: 'ready' });
        acknowledged.push(...run.writes.map(([, id]) => id));
      }
      const machines = new Set((await store.machines.list()).map((m) => m.id));
      expect(acknowledged.length).toBeGreaterThan(10);
      expect(acknowledged.filter((id) => !machines.has(id))).toEqual([]);
    }, 60_000);
  });
}
