/**
 * `npm run build:electron`: bundles Electron's main process (ESM, with node/ and shared/ inside)
 * and the preload (CommonJS: a sandboxed preload cannot be an ES module) into dist/electron.
 * Worker threads that node/ starts with `new Worker(new URL('./x.ts', import.meta.url))` become
 * their own entry files next to main.js (scripts/build/workerEntries.ts). Packages listed in
 * package.json `dependencies` stay external (electron-builder copies them into the app), as does
 * Electron itself.
 *
 * Usage: node scripts/buildElectron.ts [outDir]   (default dist/electron)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { workerEntries } from './build/workerEntries.ts';

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
