#!/usr/bin/env node
// Entry of the `auscult` command. The CLI is TypeScript run by Node 24's type stripping; the
// machine's own Node may be older, so start the project's pinned Node 24 when needed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'node', 'cli', 'main.ts');
const major = Number(process.versions.node.split('.')[0]);
const pinned = join(root, 'node_modules', 'node', 'bin', 'node');
const runtime = major >= 24 ? process.execPath : existsSync(pinned) ? pinned : null;
if (!runtime) {
  console.error('auscult needs Node 24: run `npm install` in the repository first.');
  process.exit(2);
}
const result = spawnSync(runtime, ['--no-warnings', entry, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
