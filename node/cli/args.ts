import { isLanguage, LANGUAGES } from '../../shared/api/limits.ts';
import type { Language } from '../../shared/api/contract.ts';
import { FAULT_STATUSES, isFaultStatus } from '../../shared/faultLog/workflow.ts';
import { defaultPaper, isPaperSize, PAPER_SIZES } from '../../shared/reports/paper.ts';
import type { PaperSize } from '../../shared/reports/paper.ts';
import type { FaultStatus } from '../../shared/faultLog/workflow.ts';
import { UsageError } from './errors.ts';
import { parseBundleArgs } from './bundleArgs.ts';
import type { BundleArgs } from './bundleArgs.ts';
import { parseHubArgs } from './hubArgs.ts';
import { parse } from './options.ts';
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
export interface LogExportArgs {
  command: 'log';
  action: 'export';
  /** The library folder (--home); undefined for AUSCULT_HOME, else the OS's data folder. */
  home?: string;
  format: 'csv' | 'pdf';
  outPath: string;
  /** Only this machine's entries (--machine: its id or its name). */
  machine?: string;
  status?: FaultStatus;
  lang: Language;
  /** The PDF's paper (--paper); the language's usual one by default. */
  paper: PaperSize;
}

/** `auscult report`: the one-page diagnosis report of a recording, as PDF. */
export interface ReportArgs {
  command: 'report';
  baselinePath: string;
  profilePath?: string;
  lang: Language;
  paper: PaperSize;
  outPath: string;
  recordingPath: string;
}

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

function parseLang(command: string, value: string | undefined): Language {
  if (value === undefined) return 'en';
  if (!isLanguage(value)) {
    throw new UsageError(`${command}: --lang expects ${LANGUAGES.join(' or ')}, got "${value}".`);
  }
  return value;
}

function parsePaper(command: string, value: string | undefined, lang: Language): PaperSize {
  if (value === undefined) return defaultPaper(lang);
  if (!isPaperSize(value)) {
    throw new UsageError(
      `${command}: --paper expects ${PAPER_SIZES.join(' or ')}, got "${value}".`,
    );
  }
  return value;
}

function single(command: string, positionals: string[], what: string): string {
  if (positionals.length !== 1) {
    throw new UsageError(`${command}: expected exactly one ${what}, got ${positionals.length}.`);
  }
  return positionals[0];
}

function parseStatus(value: string | undefined): FaultStatus | undefined {
  if (value === undefined || isFaultStatus(value)) return value;
  throw new UsageError(
    `log export: --status expects one of ${FAULT_STATUSES.join(', ')}, got "${value}".`,
  );
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

/** `log export …`: CSV or PDF. */
function parseLogExport(rest: string[]): LogExportArgs {
  const [action, ...options] = rest;
  if (action !== 'export') {
    const got = action === undefined ? 'none' : `"${action}"`;
    throw new UsageError(
      `log: expected the subcommand export, got ${got} (see auscult log --help).`,
    );
  }
  const { values, positionals } = parse('log export', options, {
    home: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    machine: { type: 'string' },
    status: { type: 'string' },
    lang: { type: 'string' },
    paper: { type: 'string' },
  });
  const format = values.format as string | undefined;
  if (format !== 'csv' && format !== 'pdf') {
    const got = format === undefined ? 'none' : `"${format}"`;
    throw new UsageError(`log export: --format expects csv or pdf, got ${got}.`);
  }
  if (format === 'csv' && values.paper !== undefined) {
    throw new UsageError('log export: --paper applies to --format pdf only.');
  }
  if (!values.out) throw new UsageError('log export: --out FILE is required.');
  if (positionals.length > 0) {
    throw new UsageError(`log export: unexpected argument "${positionals[0]}".`);
  }
  const lang = parseLang('log export', values.lang as string | undefined);
  return {
    command: 'log',
    action: 'export',
    home: values.home as string | undefined,
    format,
    outPath: String(values.out),
    machine: values.machine as string | undefined,
    status: parseStatus(values.status as string | undefined),
    lang,
    paper: parsePaper('log export', values.paper as string | undefined, lang),
  };
}

/** `report --baseline B.json [--profile P.json] [--lang L] [--paper P] --out FILE rec.wav`. */
function parseReport(rest: string[]): ReportArgs {
  const { values, positionals } = parse('report', rest, {
    baseline: { type: 'string' },
    profile: { type: 'string' },
    lang: { type: 'string' },
    paper: { type: 'string' },
    out: { type: 'string' },
  });
  if (!values.baseline) throw new UsageError('report: --baseline B.json is required.');
  if (!values.out) throw new UsageError('report: --out FILE is required.');
  const lang = parseLang('report', values.lang as string | undefined);
  return {
    command: 'report',
    baselinePath: String(values.baseline),
    profilePath: values.profile as string | undefined,
    lang,
    paper: parsePaper('report', values.paper as string | undefined, lang),
    outPath: String(values.out),
    recordingPath: single('report', positionals, 'recording'),
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
