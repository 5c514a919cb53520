/** docs/dependencies.md lists every dependency of package.json with its licence, and no GPL. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const doc = readFileSync(join(root, 'docs', 'dependencies.md'), 'utf8');
const named = new Set([...doc.matchAll(/`([@a-z0-9./-]+)`/g)].map((m) => m[1]));

function licenceOf(name: string): string {
  const file = join(root, 'node_modules', name, 'package.json');
  return String((JSON.parse(readFileSync(file, 'utf8')) as { license?: unknown }).license);
}

describe('the dependency list', () => {
  const all = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)];

  it.each(all)('names %s', (name) => {
    expect(named.has(name)).toBe(true);
  });

  it.each(Object.keys(manifest.dependencies))(
    'ships %s under a licence that is not GPL (LGPL may ship)',
    (name) => {
      expect(licenceOf(name)).not.toMatch(/(^|[^L])GPL/);
    },
  );
});
