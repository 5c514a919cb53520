/** `auscult bundle …`: packing, checking and unpacking review bundles, parsed. */
import { UsageError } from './errors.ts';
import { parse } from './options.ts';

export type BundleArgs =
  | {
      command: 'bundle';
      action: 'pack';
      /** The library folder (--home); undefined for AUSCULT_HOME, else the OS's data folder. */
      home?: string;
      recordingIds: string[];
      senderName: string;
      outPath: string;
    }
  | {
      command: 'bundle';
      action: 'reply';
      home?: string;
      diagnosisIds: string[];
      senderName: string;
      outPath: string;
    }
  | { command: 'bundle'; action: 'open'; home?: string; bundlePath: string }
  | { command: 'bundle'; action: 'check'; bundlePath: string }
  | { command: 'bundle'; action: 'unpack'; bundlePath: string; toFolder: string };

const ACTIONS = ['pack', 'check', 'unpack', 'reply', 'open'];

function onlyBundle(command: string, positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new UsageError(
      `${command}: expected exactly one bundle file, got ${positionals.length}.`,
    );
  }
  return positionals[0];
}

function outOption(command: string, value: unknown): string {
  const outPath = value as string | undefined;
  if (!outPath) throw new UsageError(`${command}: --out X.auscult is required.`);
  if (!outPath.endsWith('.auscult')) {
    throw new UsageError(`${command}: --out should name a file ending in .auscult.`);
  }
  return outPath;
}

/** What `bundle pack` and `bundle reply` both take: ids by `--<idOption>`, --sender and --out. */
function parseWrite(command: string, options: string[], idOption: 'recording' | 'diagnosis') {
  const { values, positionals } = parse(command, options, {
    home: { type: 'string' },
    [idOption]: { type: 'string', multiple: true },
    sender: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length > 0) {
    throw new UsageError(`${command}: unexpected argument "${positionals[0]}".`);
  }
  const ids = (values[idOption] as string[] | undefined) ?? [];
  if (ids.length === 0) throw new UsageError(`${command}: give at least one --${idOption} ID.`);
  return {
    home: values.home as string | undefined,
    ids,
    senderName: ((values.sender as string | undefined) ?? '').trim(),
    outPath: outOption(command, values.out),
  };
}

export function parseBundleArgs(rest: string[]): BundleArgs {
  const [action, ...options] = rest;
  if (!ACTIONS.includes(action ?? '')) {
    const got = action === undefined ? 'none' : `"${action}"`;
    throw new UsageError(
      `bundle: expected the subcommand ${ACTIONS.join(', ')}, got ${got} (see auscult bundle --help).`,
    );
  }
  const command = `bundle ${action}`;
  if (action === 'pack') {
    const { ids, ...rest } = parseWrite(command, options, 'recording');
    return { command: 'bundle', action, recordingIds: ids, ...rest };
  }
  if (action === 'reply') {
    const { ids, ...rest } = parseWrite(command, options, 'diagnosis');
    return { command: 'bundle', action, diagnosisIds: ids, ...rest };
  }
  if (action === 'open') {
    const { values, positionals } = parse(command, options, { home: { type: 'string' } });
    return {
      command: 'bundle',
      action,
      home: values.home as string | undefined,
      bundlePath: onlyBundle(command, positionals),
    };
  }
  if (action === 'check') {
    const { positionals } = parse(command, options, {});
    return { command: 'bundle', action, bundlePath: onlyBundle(command, positionals) };
  }
  const { values, positionals } = parse(command, options, { to: { type: 'string' } });
  if (!values.to) throw new UsageError(`${command}: --to DIR is required.`);
  return {
    command: 'bundle',
    action: 'unpack',
    bundlePath: onlyBundle(command, positionals),
    toFolder: String(values.to),
  };
}
