/**
 * `npm run build:electron`: bundles Electron's main process (ESM, with node/ and shared/ inside)
 * and the preload (CommonJS: a sandboxed preload cannot be an ES module) into dist/electron.
 * Worker threads that node/ starts with `new Worker(new URL('./x.ts', import.meta.url))` become
 * their own entry files next to main.js. Packages listed in package.json `dependencies` stay
 * external (electron-builder copies them into the app), as does Electron itself.
 *
 * Usage: node scripts/buildElectron.ts [outDir]   (default dist/electron)
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { build } from 'vite';
import type { Plugin } from 'vite';

const root = join(import.meta.dirname, '..');
const outDir = resolve(process.argv[2] ?? join(root, 'dist', 'electron'));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
};
const dependencies = Object.keys(packageJson.dependencies ?? {});

function isExternal(id: string): boolean {
  return (
    id === 'electron' ||
    id.startsWith('node:') ||
    dependencies.some((name) => id === name || id.startsWith(`${name}/`))
  );
}

const WORKER_URL = /new URL\(\s*(['"])(\.\/[\w./-]+)\.ts\1\s*,\s*import\.meta\.url\s*\)/g;

/** `new URL('./x.ts', import.meta.url)` → an emitted entry `x.js`, and the URL pointing at it. */
function workerEntries(): Plugin {
  return {
    name: 'auscult-worker-entries',
    enforce: 'pre',
    transform(code, id) {
      if (!code.includes('import.meta.url') || !id.endsWith('.ts')) return null;
      let changed = false;
      const rewritten = code.replace(WORKER_URL, (_match, quote: string, stem: string) => {
        const fileName = `${basename(stem)}.js`;
        this.emitFile({ type: 'chunk', id: resolve(dirname(id), `${stem}.ts`), fileName });
        changed = true;
        return `new URL(${quote}./${fileName}${quote}, import.meta.url)`;
      });
      return changed ? { code: rewritten, map: null } : null;
    },
  };
}

async function bundle(input: string, format: 'es' | 'cjs', fileName: string): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    plugins: format === 'es' ? [workerEntries()] : [],
    ssr: { noExternal: true },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      rolldownOptions: {
        input: { [fileName.replace(/\.c?js$/, '')]: join(root, input) },
        external: format === 'es' ? isExternal : (id: string) => id === 'electron',
        output: {
          format,
          entryFileNames: fileName,
          // Flat: a worker URL relative to import.meta.url resolves the same from every chunk.
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  });
}

await bundle('electron/main.ts', 'es', 'main.js');
await bundle('electron/preload.ts', 'cjs', 'preload.cjs');
console.log(`Electron bundles written to ${outDir}.`);
