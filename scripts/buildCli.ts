/**
 * `npm run build:cli` (also run by `npm install`, as the `prepare` script): bundles the command
 * line (node/cli/run.ts) into dist/cli/auscult.js and its analysis worker into
 * dist/cli/analysisWorker.js, as JavaScript that Node 20 and later load without type stripping.
 * Packages listed in package.json `dependencies` stay external (the PFFFT module finds its .wasm
 * beside itself in node_modules). dist/cli/inputs.json lists the source files that went in, so
 * bin/auscult.mjs can tell when the build is older than the sources.
 *
 * Usage: node scripts/buildCli.ts [outDir]   (default dist/cli)
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'vite';
import type { Plugin } from 'vite';
import { workerEntries } from './build/workerEntries.ts';

const root = join(import.meta.dirname, '..');
const outDir = resolve(process.argv[2] ?? join(root, 'dist', 'cli'));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
};
const dependencies = Object.keys(packageJson.dependencies ?? {});

function isExternal(id: string): boolean {
  return (
    id.startsWith('node:') || dependencies.some((name) => id === name || id.startsWith(`${name}/`))
  );
}

/** Records the project's source files in the bundle (relative to the root) in inputs.json. */
function recordInputs(): Plugin {
  return {
    name: 'auscult-record-inputs',
    generateBundle() {
      const inputs = [...this.getModuleIds()]
        .filter((id) => id.startsWith(root) && !id.includes('node_modules'))
        .map((id) => relative(root, id))
        .sort();
      this.emitFile({
        type: 'asset',
        fileName: 'inputs.json',
        source: `${JSON.stringify({ builtAtMs: Date.now(), inputs }, null, 2)}\n`,
      });
    },
  };
}

await build({
  configFile: false,
  root,
  logLevel: 'warn',
  publicDir: false,
  plugins: [workerEntries(), recordInputs()],
  ssr: { noExternal: true },
  build: {
    ssr: true,
    outDir,
    emptyOutDir: true,
    // The Node that runs bin/auscult.mjs may be the machine's own (package.json engines).
    target: 'node20',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: { auscult: join(root, 'node', 'cli', 'run.ts') },
      external: isExternal,
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
});
console.log(`Command line built into ${outDir}.`);
