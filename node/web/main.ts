/**
 * `npm run serve`: starts the web host and prints its URL. `PORT` picks the port (0: a free
 * one); `--host ADDRESS` binds another address and then requires the printed access token.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORT, DEFAULT_RENDERER_DIR, startWebHost } from './server.ts';
import type { WebHost } from './server.ts';
import { buildRenderer, rendererBuildReason } from './rendererBuild.ts';
import { reachableUrls } from './urls.ts';

const USAGE = `Usage: npm run serve [-- --host ADDRESS]

Serves Auscult's page and API on http://${DEFAULT_HOST}:${DEFAULT_PORT}/.
  --host ADDRESS  bind ADDRESS instead of ${DEFAULT_HOST}; an access token is then printed
                  and required on every request
Environment: PORT (0 picks a free port), AUSCULT_HOME (the library folder).`;

class UsageError extends Error {}

function parseOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
): { host: string; port: number } | null {
  let values: { host?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;
  const portText = env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new UsageError(`PORT must be a number from 0 to 65535, not "${portText}".`);
  }
  return { host: values.host ?? DEFAULT_HOST, port };
}

function describeStartError(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return `Port ${port} is in use: set PORT to another port, or PORT=0 for a free one.`;
  }
  if (code === 'EADDRNOTAVAIL') return 'That --host address is not an address of this machine.';
  return (error as Error).message;
}

function stopOnSignals(host: WebHost): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(130); // a second Ctrl+C does not wait
    stopping = true;
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<number> {
  let options: { host: string; port: number } | null;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === null) {
    console.log(USAGE);
    return 0;
  }
  const reason = await rendererBuildReason(DEFAULT_RENDERER_DIR);
  if (reason !== null) {
    console.log(`Building the page first (${reason}).`);
    await buildRenderer(DEFAULT_RENDERER_DIR);
  }
  let host: WebHost;
  try {
    host = await startWebHost(options);
  } catch (error) {
    console.error(describeStartError(error, options.port));
    return 1;
  }
  console.log(`Auscult is running at ${host.url}`);
  for (const url of reachableUrls(host.url, options.host)) console.log(`  also at ${url}`);
  if (host.token !== null)
    console.log('Anyone with this URL (and its token) can use this library.');
  console.log('Press Ctrl+C to stop.');
  stopOnSignals(host);
  return -1; // keep running
}

main().then(
  (status) => {
    if (status >= 0) process.exit(status);
  },
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
