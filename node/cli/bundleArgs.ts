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

function parseReply(command: string, options: string[]): BundleArgs {
  const { values, positionals } = parse(command, options, {
    home: { type: 'string' },
    diagnosis: { type: 'string', multiple: true },
    sender: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length > 0) {
    throw new UsageError(`${command}: unexpected argument "${positionals[0]}".`);
  }
  const diagnosisIds = (values.diagnosis as string[] | undefined) ?? [];
  if (diagnosisIds.length === 0) {
    throw new UsageError(`${command}: give at least one --diagnosis ID.`);
  }
  return {
    command: 'bundle',
    action: 'reply',
    home: values.home as string | undefined,
    diagnosisIds,
    senderName: ((values.sender as string | undefined) ?? '').trim(),
    outPath: outOption(command, values.out),
  };
}

function parsePack(command: string, options: string[]): BundleArgs {
  const { values, positionals } = parse(command, options, {
    home: { type: 'string' },
    recording: { type: 'string', multiple: true },
    sender: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length > 0) {
    throw new UsageError(`${command}: unexpected argument "${positionals[0]}".`);
  }
  const recordingIds = (values.recording as string[] | undefined) ?? [];
  if (recordingIds.length === 0) {
    throw new UsageError(`${command}: give at least one --recording ID.`);
  }
  const outPath = outOption(command, values.out);
  return {
    command: 'bundle',
    action: 'pack',
    home: values.home as string | undefined,
    recordingIds,
    senderName: ((values.sender as string | undefined) ?? '').trim(),
    outPath,
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
  if (action === 'pack') return parsePack(command, options);
  if (action === 'reply') return parseReply(command, options);
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
