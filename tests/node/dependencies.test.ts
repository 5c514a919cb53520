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

interface PackageJson {
  license?: unknown;
  dependencies?: Record<string, string>;
}

function packageJson(name: string): PackageJson {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
}

function licenceOf(name: string): string {
  return String(packageJson(name).license);
}

/** Every package the shipped ones bring, transitively (npm hoists them all to node_modules/). */
function shippedTree(): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dependency of Object.keys(packageJson(name).dependencies ?? {})) visit(dependency);
  };
  Object.keys(manifest.dependencies).forEach(visit);
  return [...seen].sort();
}

describe('the dependency list', () => {
  const all = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)];

  it.each(all)('names %s', (name) => {
    expect(named.has(name)).toBe(true);
  });

  it.each(shippedTree())(
    'ships %s (or what a shipped package brings) under a licence that is not GPL (LGPL may)',
    (name) => {
      expect(licenceOf(name)).not.toMatch(/(^|[^L])GPL/);
    },
  );
});
