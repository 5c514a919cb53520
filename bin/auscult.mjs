#!/usr/bin/env node
// Entry of the `auscult` command: starts one Node, the one running this file when it can.
// - The built command line (dist/cli/auscult.js, `npm run build:cli`, run by `npm install`) is
//   imported in this process when this Node is recent enough for the command: --help runs on
//   Node 20; the analyses want Node 24, whose V8 computes them with ~20 % less CPU than Node 20's
//   (measured; docs/benchmark.md).
// - An older Node starts the project's pinned Node 24 (node_modules/node) on the build, once;
//   without it, the build runs here anyway (Node 20 gives the same results, more slowly).
// - When the build is missing or (for any command but --help) older than a source file that went
//   into it (a developer edited the sources), the sources run instead, on Node 24's type
//   stripping: correct, ~0.3 s slower to start, and a one-line notice on stderr says how to
//   rebuild.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'auscult.js');
const sources = join(root, 'node', 'cli', 'run.ts');
const pinned = join(root, 'node_modules', 'node', 'bin', 'node');
const args = process.argv.slice(2);

function nodeAtLeast([major, minor]) {
  const [have, haveMinor] = process.versions.node.split('.').map(Number);
  return have > major || (have === major && haveMinor >= minor);
}

/** 'fresh', 'missing' or 'stale' (a source file changed after the build). */
function buildState() {
  let record;
  try {
    record = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'inputs.json'), 'utf8'));
  } catch {
    return 'missing';
  }
  if (!existsSync(built)) return 'missing';
  for (const input of record.inputs) {
    const stats = statSync(join(root, input), { throwIfNoEntry: false });
    if (!stats || stats.mtimeMs > record.builtAtMs) return 'stale';
  }
  return 'fresh';
}

async function runWith(runtime, script, flags) {
  // Loaded only here: node:child_process costs ~18 ms to load on Node 20, a tenth of --help.
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync(runtime, [...flags, script, ...args], { stdio: 'inherit' });
  if (result.error) {
    console.error(`auscult: cannot start ${runtime}: ${result.error.message}`);
    process.exit(2);
  }
  process.exit(result.status ?? 1);
}

/** Node 24 for what this Node cannot run: this one if it is 24, else the pinned one. */
function node24() {
  if (nodeAtLeast([24, 0])) return process.execPath;
  if (existsSync(pinned)) return pinned;
  console.error('auscult: this needs Node 24: run `npm install` in the repository first.');
  process.exit(2);
}

const command = args.includes('--help') || args.includes('-h') ? 'help' : (args[0] ?? 'help');
// Help is text, not results: it skips the staleness check (stat of every source file, ~10 ms of
// the 150 ms --help budget) and comes from any build there is, on any Node from 20 on.
const state = command === 'help' && existsSync(built) ? 'fresh' : buildState();
if (state !== 'fresh') {
  const why = state === 'missing' ? 'is missing' : 'is older than the sources';
  console.error(
    `auscult: notice: the built command line (dist/cli) ${why}; running the sources, which ` +
      'starts slower. `npm run build:cli` rebuilds it.',
  );
  await runWith(node24(), sources, ['--no-warnings']);
} else if (nodeAtLeast(command === 'help' ? [20, 0] : [24, 0]) || !existsSync(pinned)) {
  await import(pathToFileURL(built).href);
} else {
  await runWith(pinned, built, []);
}
