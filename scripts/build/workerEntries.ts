/**
 * A Vite plugin for bundles of node/ code (the CLI, Electron's main process): worker threads that
 * node/ starts with `new URL('./x.ts', import.meta.url)` become their own entry files `x.js`, and
 * the URL points at them. Bundles are flat (one folder), so the URL resolves from every chunk.
 */
import { basename, dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

const WORKER_URL = /new URL\(\s*(['"])(\.\/[\w./-]+)\.ts\1\s*,\s*import\.meta\.url\s*\)/g;

export function workerEntries(): Plugin {
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
