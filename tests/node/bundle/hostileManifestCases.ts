/**
 * Hostile review bundles by their manifest: a version or shape the reader does not know, one that
 * is not JSON, missing, not first, or too large.
 * Part of HOSTILE_CASES (hostile.test.ts opens and unpacks each).
 */
import { REC, rec, refusedManifest, withEntries } from './hostileBuilders.ts';
import type { HostileCase } from './hostileBuilders.ts';
import { goodEntries, recordingBytes, sha256, zip } from './zipBuilder.ts';

export const MANIFEST_CASES: readonly HostileCase[] = [
  refusedManifest('version 4', 'unknown-version', (m) => ({ ...m, version: 4 })),
  refusedManifest('version "1" as text', 'unknown-version', (m) => ({ ...m, version: '1' })),
  refusedManifest('another format', 'invalid-manifest', (m) => ({ ...m, format: 'zip' })),
  refusedManifest('a manifest that is an array', 'invalid-manifest', (m) => [m]),
  refusedManifest('no sender', 'invalid-manifest', (m) => ({ ...m, sender: undefined })),
  refusedManifest('an unknown field', 'invalid-manifest', (m) => ({ ...m, extra: 1 })),
  refusedManifest('a bad hash text', 'invalid-manifest', (m) => ({
    ...m,
    entries: [{ path: REC, sizeBytes: rec.length, sha256: 'XYZ' }],
  })),
  refusedManifest('a recording file elsewhere', 'invalid-manifest', (m) => ({
    ...m,
    recordings: (m.recordings as object[]).map((r) => ({ ...r, file: 'r1.wav' })),
  })),
  refusedManifest('an invalid profile', 'invalid-manifest', (m) => ({
    ...m,
    machine: { profile: { id: 'x' } },
  })),
  refusedManifest('the manifest listing itself', 'invalid-manifest', (m) => ({
    ...m,
    entries: [
      ...(m.entries as object[]),
      { path: 'manifest.json', sizeBytes: 1, sha256: sha256(rec) },
    ],
  })),
  refusedManifest('a path listed twice', 'invalid-manifest', (m) => ({
    ...m,
    entries: [...(m.entries as object[]), ...(m.entries as object[])],
  })),
  refusedManifest('no recording', 'invalid-manifest', (m) => ({ ...m, recordings: [] })),
  {
    title: 'a manifest that is not JSON',
    code: 'manifest-not-json',
    bytes: () =>
      zip([{ name: 'manifest.json', data: Buffer.from('{"format": "auscult-bundle",') }]),
  },
  {
    title: 'the manifest not first',
    code: 'manifest-missing',
    bytes: () => withEntries([], (e) => [e[1], e[0]]),
  },
  { title: 'no manifest', code: 'manifest-missing', bytes: () => zip([{ name: REC, data: rec }]) },
  {
    title: 'a stub before the zip',
    code: 'manifest-missing',
    bytes: () => zip(goodEntries({ [REC]: rec }), { prefix: Buffer.from('#!/bin/sh\nexit\n') }),
  },
  {
    title: 'a manifest too large',
    code: 'too-large',
    bytes: () =>
      zip([{ name: 'manifest.json', data: recordingBytes(17 * 1024 * 1024), method: 0 }]),
  },
];
