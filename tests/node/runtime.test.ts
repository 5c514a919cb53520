import { describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';

describe('the pinned runtime', () => {
  it('runs on Node 24, as package.json pins it', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(24);
  });

  it('loads node:sqlite and runs a query', () => {
    const db = new DatabaseSync(':memory:');
    const row = db.prepare('select sqlite_version() as version').get() as { version: string };
    expect(row.version).toMatch(/^3\./);
    db.close();
  });
});
