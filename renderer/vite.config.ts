/**
 * Vite build of the page (docs/architecture.md): renderer/index.html → dist/renderer, served by the web
 * host and by Electron's custom protocol. Relative asset paths (`base: './'`) so both hosts can
 * serve it from any path. The built page has no inline script or style, so it runs under a
 * strict CSP (`script-src 'self'`, no 'unsafe-inline'), also written into index.html as a meta tag.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { RENDERER_CSP } from '../shared/api/httpProtocol.ts';

/**
 * The hosts' policy (one spelling, shared/api/httpProtocol.ts) as a meta tag too, so the page is
 * protected even where a host forgot the header. `frame-ancestors` works only as a header and
 * Chromium warns about it in a meta tag, so it is left out here.
 */
export const META_CONTENT_SECURITY_POLICY = RENDERER_CSP.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

/** Only in the build: the dev server injects an inline HMR preamble that the CSP would block. */
function cspMetaTag(): Plugin {
  return {
    name: 'auscult-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// The folder of this file, without node:url (renderer/ may not import Node modules).
const rendererRoot = decodeURIComponent(new URL('.', import.meta.url).pathname).replace(
  /^\/([A-Za-z]:)/,
  '$1',
);

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), cspMetaTag()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The modulepreload polyfill would be fine, but modern Chromium/Electron do not need it.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'es2022',
  },
  server: { host: '127.0.0.1' },
});
