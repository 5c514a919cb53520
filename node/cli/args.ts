import type { Language } from '../../shared/api/contract.ts';
import { UsageError } from './errors.ts';
import { parseBundleArgs } from './bundleArgs.ts';
import type { BundleArgs } from './bundleArgs.ts';
import { parseHubArgs } from './hubArgs.ts';
import { parse, single } from './options.ts';
import { parseLang, parseLogExport, parseReport } from './reportArgs.ts';
import type { LogExportArgs, ReportArgs } from './reportArgs.ts';
import type { HubArgs } from './hubArgs.ts';
import { parseSyncArgs } from './syncArgs.ts';
import type { SyncArgs } from './syncArgs.ts';

export interface BaselineArgs {
  command: 'baseline';
  profilePath: string;
  outPath: string;
  recordingPaths: string[];
}

export interface DiagnoseArgs {
  command: 'diagnose';
  baselinePath?: string;
  profilePath?: string;
  /** Shaft speed overrides from `--rpm SHAFT=RPM`, in revolutions per minute. */
  rpmOverrides: Record<string, number>;
  json: boolean;
  /** The language of the report's sentences (--lang); English by default. */
  lang: Language;
  recordingPath: string;
}

export interface AnalyzeArgs {
  command: 'analyze';
  json: boolean;
  /** Print the whole spectrum as CSV (--csv) instead of the report. */
  csv: boolean;
  /** The microphone's calibration file (--calibration): levels in dB SPL. */
  calibrationPath?: string;
  /** The level in dBFS that 94 dB SPL at 1 kHz reads (--sensitivity), over the file's own. */
  sensitivityDbfs?: number;
  recordingPath: string;
}

/** `auscult speed`: each shaft's speed estimated from the recording. */
export interface SpeedArgs {
  command: 'speed';
  profilePath: string;
  json: boolean;
  recordingPath: string;
}

/** `auscult log export`: the fault log of a library folder as a file. */
export const COMMANDS = [
  'baseline',
  'diagnose',
  'analyze',
  'speed',
  'log',
  'report',
  'hub',
  'bundle',
  'sync',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface HelpArgs {
  command: 'help';
  /** The command whose help was asked for; undefined for the overview. */
  topic?: CommandName;
}

export type CliArgs =
  | BaselineArgs
  | DiagnoseArgs
  | AnalyzeArgs
  | SpeedArgs
  | LogExportArgs
  | ReportArgs
  | HubArgs
  | BundleArgs
  | SyncArgs
  | HelpArgs;

function isCommand(name: string | undefined): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name ?? '');
}

const HELP_FLAGS = ['--help', '-h'];

function parseRpm(values: string[]): Record<string, number> {
  const overrides: Record<string, number> = {};
  for (const value of values) {
    const match = /^([^=]+)=(.+)$/.exec(value);
    const rpm = match ? Number(match[2]) : NaN;
    if (!match || !Number.isFinite(rpm) || rpm <= 0) {
      throw new UsageError(
        `diagnose: --rpm expects SHAFT=RPM with a positive number, got "${value}".`,
      );
    }
    overrides[match[1]] = rpm;
  }
  return overrides;
}

function parseSensitivity(value: string | undefined, calibrationPath: string | undefined) {
  if (value === undefined) return undefined;
  if (calibrationPath === undefined) {
    throw new UsageError('analyze: --sensitivity needs --calibration FILE.');
  }
  const sensitivityDbfs = /^[+-]?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(sensitivityDbfs)) {
    throw new UsageError(
      `analyze: --sensitivity expects a level in dBFS such as --sensitivity=-30, got "${value}".`,
    );
  }
  return sensitivityDbfs;
}

/** `analyze [--json | --csv] [--calibration FILE [--sensitivity DBFS]] rec.wav`. */
function parseAnalyze(rest: string[]): AnalyzeArgs {
  const { values, positionals } = parse('analyze', rest, {
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    calibration: { type: 'string' },
    sensitivity: { type: 'string' },
  });
  if (values.json && values.csv) throw new UsageError('analyze: give --json or --csv, not both.');
  const calibrationPath = values.calibration as string | undefined;
  return {
    command: 'analyze',
    json: Boolean(values.json),
    csv: Boolean(values.csv),
    calibrationPath,
    sensitivityDbfs: parseSensitivity(values.sensitivity as string | undefined, calibrationPath),
    recordingPath: single('analyze', positionals, 'recording'),
  };
}

/** `speed --profile P.json [--json] rec.wav`. */
function parseSpeed(rest: string[]): SpeedArgs {
  const { values, positionals } = parse('speed', rest, {
    profile: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!values.profile) throw new UsageError('speed: --profile P.json is required.');
  return {
    command: 'speed',
    profilePath: String(values.profile),
    json: Boolean(values.json),
    recordingPath: single('speed', positionals, 'recording'),
  };
}

/** Turns the command line (without `node` and the script) into typed arguments. */
export function parseCliArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined) {
    throw new UsageError(
      `no command given (the commands are ${COMMANDS.join(', ')}; see auscult --help).`,
    );
  }
  if (HELP_FLAGS.includes(command)) return { command: 'help' };
  if (command === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { command: 'help' };
    if (!isCommand(topic)) throw new UsageError(`help: unknown command "${topic}".`);
    return { command: 'help', topic };
  }
  // `auscult diagnose --help` shows that command's help whatever else is on the line.
  const end = rest.indexOf('--');
  const options = end === -1 ? rest : rest.slice(0, end);
  if (isCommand(command) && options.some((a) => HELP_FLAGS.includes(a))) {
    return { command: 'help', topic: command };
  }
  if (command === 'baseline') {
    const { values, positionals } = parse(command, rest, {
      profile: { type: 'string' },
      out: { type: 'string' },
    });
    if (!values.profile) throw new UsageError('baseline: --profile P.json is required.');
    if (!values.out) throw new UsageError('baseline: --out B.json is required.');
    if (positionals.length === 0)
      throw new UsageError('baseline: give at least one healthy recording.');
    return {
      command,
      profilePath: String(values.profile),
      outPath: String(values.out),
      recordingPaths: positionals,
    };
  }
  if (command === 'diagnose') {
    const { values, positionals } = parse(command, rest, {
      baseline: { type: 'string' },
      profile: { type: 'string' },
      rpm: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    });
    if (!values.baseline && !values.profile) {
      throw new UsageError('diagnose: give --baseline B.json, --profile P.json, or both.');
    }
    return {
      command,
      baselinePath: values.baseline as string | undefined,
      profilePath: values.profile as string | undefined,
      rpmOverrides: parseRpm((values.rpm as string[] | undefined) ?? []),
      json: Boolean(values.json),
      lang: parseLang(command, values.lang as string | undefined),
      recordingPath: single(command, positionals, 'recording'),
    };
  }
  if (command === 'analyze') return parseAnalyze(rest);
  if (command === 'speed') return parseSpeed(rest);
  if (command === 'log') return parseLogExport(rest);
  if (command === 'report') return parseReport(rest);
  if (command === 'hub') return parseHubArgs(rest);
  if (command === 'bundle') return parseBundleArgs(rest);
  if (command === 'sync') return parseSyncArgs(rest);
  throw new UsageError(
    `unknown command "${command}" (the commands are ${COMMANDS.join(', ')}; see auscult --help).`,
  );
}
