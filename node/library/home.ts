/**
 * Where the library lives (docs/architecture.md): `AUSCULT_HOME` if set, else the operating system's
 * per-user data folder.
 */
import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';

export interface HomeEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly homeDir: string;
}

function currentEnvironment(): HomeEnvironment {
  return { env: process.env, platform: process.platform, homeDir: homedir() };
}

/**
 * The OS's per-user data folder for Auscult: Linux (and other Unixes) `$XDG_DATA_HOME/auscult`,
 * else `~/.local/share/auscult`; macOS `~/Library/Application Support/Auscult`; Windows
 * `%APPDATA%\Auscult`, else `~\AppData\Roaming\Auscult`. A relative XDG_DATA_HOME is ignored, as
 * the XDG specification asks.
 */
export function defaultLibraryHome(environment: HomeEnvironment = currentEnvironment()): string {
  const { env, platform, homeDir } = environment;
  if (platform === 'win32') {
    return win32.join(env.APPDATA || win32.join(homeDir, 'AppData', 'Roaming'), 'Auscult');
  }
  if (platform === 'darwin') {
    return posix.join(homeDir, 'Library', 'Application Support', 'Auscult');
  }
  const xdg = env.XDG_DATA_HOME;
  const dataHome = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(homeDir, '.local', 'share');
  return posix.join(dataHome, 'auscult');
}

/**
 * The library folder to use: `home` when given, else `AUSCULT_HOME` when set and not empty, else
 * `defaultLibraryHome()`. Always an absolute path.
 */
export function resolveLibraryHome(
  home?: string,
  environment: HomeEnvironment = currentEnvironment(),
): string {
  const chosen = home ?? (environment.env.AUSCULT_HOME || defaultLibraryHome(environment));
  return resolve(chosen);
}
