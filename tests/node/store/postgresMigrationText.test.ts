/**
 * A hub migration is never edited once released: databases record only the versions applied, so
 * an edited one would leave old hubs and new ones with different schemas under the same number.
 * The SHA-256 of each released migration's SQL is kept here; moving the text between files must
 * leave it byte for byte as it was.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS } from '../../../node/store/postgres/migrations.ts';

const RELEASED_SQL_SHA256: Record<number, string> = {
  1: '5945164ca34044637d5177cad2c0732116a691228115a3dca0002ba9e858125f',
  2: '03e2a45b3f4b66ac68c3bcdbba24f12c20f54b27af665319aaf0780d0fedd88b',
  3: '0ba4fb27995a26c0b426788ff7385d72805621bbee64c5555756cb4f3176a3b5',
  4: '722c9844345a474566b02e65cef571322cb30819f88898a09f317b9f85cf44c9',
  5: 'd22503bff7fbce6019287028c13c1a482ce72a98081c0b54a1f64a3cad16e56b',
  6: '524a6138a2f2b042d949bd55b215751675f3688fc0af748379e60332f4b11198',
  7: '47e6934e5584f0feb6c20049856f597ab8d6edcf6355b9122e84296a93ef1abc',
  8: 'a52fc354da71e2f80349554b5dbb649e0b53db74ff46bb2ab2784bdf1570f0f5',
  9: 'ed02570e5f53d241dc43876cea62d562f63267a009c54012d15dc709b0bfcf0b',
};

describe('released hub migrations', () => {
  it('are numbered 1, 2, 3… in the order they are applied', () => {
    expect(POSTGRES_MIGRATIONS.map((migration) => migration.version)).toEqual(
      POSTGRES_MIGRATIONS.map((_, index) => index + 1),
    );
  });

  it('keep the SQL text they were released with', () => {
    for (const [version, sha256] of Object.entries(RELEASED_SQL_SHA256)) {
      const migration = POSTGRES_MIGRATIONS.find((each) => each.version === Number(version));
      const digest = createHash('sha256')
        .update(migration?.sql ?? '')
        .digest('hex');
      expect({ version, digest }).toEqual({ version, digest: sha256 });
    }
  });
});
