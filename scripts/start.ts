// `npm start`: builds the page and the Electron bundles and starts the desktop app. Where the
// Electron binary is not installed (npm's install script for it is off, and some machines cannot
// download it), it says so in one sentence and starts the web host instead, so that
// `npm install && npm start` always ends with Auscult running.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRenderer } from '../node/web/rendererBuild.ts';

const root = join(import.meta.dirname, '..');

/** The Electron executable if its binary was downloaded, else null. Never downloads. */
function electronExecutable(env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  // Electron's own override (a binary unpacked elsewhere), as its index.js honours it.
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  if (!relative && !env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const executable = join(distDir, relative || 'electron');
  return existsSync(executable) ? executable : null;
}

/** Runs an npm script of this package with the npm that runs us; exits on failure. */
function npmRun(script: string): void {
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', '--silent', script], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit', shell: true });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function startDesktop(executable: string): void {
  npmRun('build:electron');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, [join(root, 'dist', 'electron', 'main.js')], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const executable = electronExecutable();
// The same build as `npm run build:renderer`, swapped in atomically (a running web host or a
// parallel test never sees a half-written dist/renderer).
console.log('Building the page.');
await buildRenderer(join(root, 'dist', 'renderer'));
if (executable) {
  startDesktop(executable);
} else {
  console.log(
    'The Electron desktop binary is not available on this machine, so Auscult starts in your ' +
      'browser instead (the same app as `npm run serve`; `npx install-electron` fetches the binary).',
  );
  await import('../node/web/main.ts');
}
