import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath } from '../../../node/web/staticPath.ts';

const root = resolve('/srv/auscult/renderer');

describe('resolveStaticPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/assets/%E8%BD%A6%E5%BA%8A.svg', 'assets/车床.svg'],
    ['/a..b.js', 'a..b.js'],
  ])('maps %s to %s inside the page folder', (pathname, relative) => {
    expect(resolveStaticPath(root, pathname)).toEqual({ kind: 'file', path: join(root, relative) });
  });

  it.each([
    ['a parent segment', '/../secret.txt'],
    ['an encoded parent segment', '/..%2fsecret.txt'],
    ['a deeper encoded escape', '/assets/..%2F..%2F..%2Fetc%2Fpasswd'],
    ['a current-directory segment', '/./index.html'],
    ['a backslash', '/..%5csecret.txt'],
    ['a NUL byte', '/index.html%00.js'],
    ['a drive letter', '/C:%5cWindows'],
    ['an empty segment', '/assets//index.js'],
    ['a trailing slash', '/assets/'],
    ['broken percent-encoding', '/%E0%A4%A'],
    ['a relative path', 'index.html'],
  ])('refuses %s', (_name, pathname) => {
    expect(resolveStaticPath(root, pathname).kind).toBe('refused');
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b.JS', 'text/javascript; charset=utf-8'],
    ['x.css', 'text/css; charset=utf-8'],
    ['fft.wasm', 'application/wasm'],
    ['icon.svg', 'image/svg+xml'],
    ['data.bin', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
  ])('gives %s the type %s', (path, type) => {
    expect(contentTypeFor(path)).toBe(type);
  });
});
