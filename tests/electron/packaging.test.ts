// The electron-builder configuration cannot be exercised here (no Electron binary to package), so
// it is checked against electron-builder's own schema, and the bundles are built for real.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'node_modules', 'electron-builder', 'package.json'));

interface BuilderConfig {
  readonly appId?: string;
  /** getConfig normalises the list into file sets. */
  readonly files?: readonly { filter?: readonly string[] }[];
  readonly extraMetadata?: { main?: string };
  readonly electronFuses?: Record<string, boolean>;
  readonly linux?: { target?: readonly string[] };
  readonly win?: { target?: readonly string[] };
  readonly mac?: { target?: readonly string[]; extendInfo?: Record<string, string> };
}

interface ConfigModule {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
}

async function loadConfig(): Promise<{
  config: BuilderConfig;
  module: ConfigModule;
  logger: unknown;
}> {
  const module = require('app-builder-lib/out/util/config/config.js') as ConfigModule;
  const { DebugLogger } = require('builder-util') as {
    DebugLogger: new (enabled: boolean) => unknown;
  };
  const config = await module.getConfig(root, 'build/electron-builder.yml', null);
  return { config, module, logger: new DebugLogger(false) };
}

describe('build/electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    const { config, module, logger } = await loadConfig();
    await expect(module.validateConfiguration(config, logger)).resolves.toBeUndefined();
  });

  it('would fail validation with a misspelt fuse (the check can fail)', async () => {
    const { config, module, logger } = await loadConfig();
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } };
    await expect(module.validateConfiguration(misspelt, logger)).rejects.toThrow(/configuration/);
  });

  it.each([
    ['runAsNode', false],
    ['enableCookieEncryption', true],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['grantFileProtocolExtraPrivileges', false],
  ])('flips the fuse %s to %s', async (fuse, value) => {
    const { config } = await loadConfig();
    expect(config.electronFuses?.[fuse]).toBe(value);
  });

  it('packages AppImage and deb, NSIS and dmg from the bundles', async () => {
    const { config } = await loadConfig();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.extraMetadata?.main).toBe('dist/electron/main.js');
    expect(config.files?.flatMap((set) => set.filter ?? [])).toEqual([
      'dist/electron/**',
      'dist/renderer/**',
      '!**/*.map',
      'package.json',
      '!node_modules/@expo-google-fonts/noto-sans-sc/{100Thin,200ExtraLight,300Light,500Medium,600SemiBold,800ExtraBold,900Black}/**',
      '!node_modules/@expo-google-fonts/noto-sans-sc/**/*.png',
    ]);
    expect(config.mac?.extendInfo?.NSMicrophoneUsageDescription).toMatch(/sound/);
  });
});

describe('npm run build:electron', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'auscult-electron-'));
    await promisify(execFile)(
      process.execPath,
      ['--no-warnings', join(root, 'scripts', 'buildElectron.ts'), outDir],
      {
        cwd: root,
      },
    );
  }, 120_000);
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('writes main.js as an ES module that imports electron', async () => {
    const main = await readFile(join(outDir, 'main.js'), 'utf8');
    expect(main).toMatch(/^import \{[^}]*\bapp\b[^}]*\} from "electron";/m);
  });

  it('writes a self-contained CommonJS preload that requires nothing but electron', async () => {
    const preload = await readFile(join(outDir, 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^import /m);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('writes each worker thread of node/ as its own entry next to main.js', async () => {
    const files = await readdir(outDir);
    const bundled = (
      await Promise.all(
        files
          .filter((name) => name.endsWith('.js'))
          .map((name) => readFile(join(outDir, name), 'utf8')),
      )
    ).join('\n');
    const workerUrls = [
      ...bundled.matchAll(/new URL\("\.\/([\w-]+\.js)", import\.meta\.url\)/g),
    ].map((match) => match[1]);
    expect(workerUrls.length).toBeGreaterThan(0);
    for (const name of workerUrls) expect(files).toContain(name);
    expect(bundled).not.toMatch(/new URL\("[^"]+\.ts", import\.meta\.url\)/);
  });

  it('keeps main.js (Electron, the window) out of every worker thread', async () => {
    const files = await readdir(outDir);
    const workers = files.filter((name) => /Worker\.js$/.test(name));
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) {
      const reached = new Set<string>();
      const pending = [worker];
      while (pending.length > 0) {
        const name = pending.pop() ?? '';
        if (reached.has(name)) continue;
        reached.add(name);
        const code = await readFile(join(outDir, name), 'utf8');
        for (const match of code.matchAll(/(?:from |import\()"\.\/([\w.-]+\.js)"/g))
          pending.push(match[1]);
      }
      expect([...reached]).not.toContain('main.js');
    }
  });
});
