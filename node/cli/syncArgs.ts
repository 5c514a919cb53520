/** `auscult sync …`: syncing a library with a hub from the command line, parsed. */
import { parse } from './options.ts';
import { UsageError } from './errors.ts';

export interface SyncArgs {
  command: 'sync';
  /** The library folder; undefined: AUSCULT_HOME, else the OS's per-user data folder. */
  home?: string;
  /** One complete pass, then exit; otherwise every 30 s until Ctrl+C. */
  once: boolean;
  /** Link the library first. */
  connect?: { url: string; name: string; passwordFile: string; plantId?: string };
}

export function parseSyncArgs(rest: string[]): SyncArgs {
  const command = 'sync';
  const { values, positionals } = parse(command, rest, {
    home: { type: 'string' },
    once: { type: 'boolean' },
    connect: { type: 'string' },
    name: { type: 'string' },
    'password-file': { type: 'string' },
    plant: { type: 'string' },
  });
  // parse() types every value loosely; these options are all strings but --once.
  const text = (name: string) => values[name] as string | undefined;
  const url = text('connect');
  const plantId = text('plant');
  if (positionals.length > 0) {
    throw new UsageError(`${command}: unexpected argument "${positionals[0]}".`);
  }
  const linking = [url, text('name'), text('password-file')];
  if (linking.some((v) => v !== undefined) && linking.some((v) => v === undefined)) {
    throw new UsageError(`${command}: --connect needs --name and --password-file too.`);
  }
  if (plantId !== undefined && url === undefined) {
    throw new UsageError(`${command}: --plant goes with --connect.`);
  }
  if (url !== undefined && !/^https?:\/\/\S+$/i.test(url)) {
    throw new UsageError(`${command}: --connect expects the hub's URL, http(s)://host:port/.`);
  }
  return {
    command,
    home: text('home'),
    once: Boolean(values.once),
    connect:
      url === undefined
        ? undefined
        : { url, name: String(text('name')), passwordFile: String(text('password-file')), plantId },
  };
}
