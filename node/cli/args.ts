import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { isLanguage, LANGUAGES } from '../../shared/api/limits.ts';
import type { Language } from '../../shared/api/contract.ts';
import { FAULT_STATUSES, isFaultStatus } from '../../shared/faultLog/workflow.ts';
import type { FaultStatus } from '../../shared/faultLog/workflow.ts';
import { UsageError } from './errors.ts';

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
  format: 'csv';
  outPath: string;
  /** Only this machine's entries (--machine: its id or its name). */
  machine?: string;
  status?: FaultStatus;
  lang: Language;
}

export const COMMANDS = ['baseline', 'diagnose', 'analyze', 'speed', 'log'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface HelpArgs {
  command: 'help';
  /** The command whose help was asked for; undefined for the overview. */
  topic?: CommandName;
}

export type CliArgs =
  BaselineArgs | DiagnoseArgs | AnalyzeArgs | SpeedArgs | LogExportArgs | HelpArgs;

function isCommand(name: string | undefined): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name ?? '');
}

const HELP_FLAGS = ['--help', '-h'];

function parse(command: string, argv: string[], options: ParseArgsOptionsConfig) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs names the offending option; keep that sentence, drop its advice about '--'.
    const sentence = (error as Error).message.split(/\.\s+To specify|\n/)[0].replace(/\.$/, '');
    throw new UsageError(`${command}: ${sentence} (see auscult ${command} --help).`);
  }
}

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

/** `log export …`; PDF is named in the issue but not written yet, so it is refused clearly. */
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
  });
  const format = values.format as string | undefined;
  if (format === 'pdf') {
    throw new UsageError('log export: --format pdf is not available yet; use --format csv.');
  }
  if (format !== 'csv') {
    const got = format === undefined ? 'none' : `"${format}"`;
    throw new UsageError(`log export: --format expects csv, got ${got}.`);
  }
  if (!values.out) throw new UsageError('log export: --out FILE is required.');
  if (positionals.length > 0) {
    throw new UsageError(`log export: unexpected argument "${positionals[0]}".`);
  }
  return {
    command: 'log',
    action: 'export',
    home: values.home as string | undefined,
    format,
    outPath: String(values.out),
    machine: values.machine as string | undefined,
    status: parseStatus(values.status as string | undefined),
    lang: parseLang('log export', values.lang as string | undefined),
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
  if (command === 'analyze') {
    const { values, positionals } = parse(command, rest, { json: { type: 'boolean' } });
    return {
      command,
      json: Boolean(values.json),
      recordingPath: single(command, positionals, 'recording'),
    };
  }
  if (command === 'speed') return parseSpeed(rest);
  if (command === 'log') return parseLogExport(rest);
  throw new UsageError(
    `unknown command "${command}" (the commands are ${COMMANDS.join(', ')}; see auscult --help).`,
  );
}
