/** Command lines of the commands that write a report: `log export` (CSV or PDF) and `report`. */
import { isLanguage, LANGUAGES } from '../../shared/api/limits.ts';
import type { Language } from '../../shared/api/contract.ts';
import { FAULT_STATUSES, isFaultStatus } from '../../shared/faultLog/workflow.ts';
import { defaultPaper, isPaperSize, PAPER_SIZES } from '../../shared/reports/paper.ts';
import type { PaperSize } from '../../shared/reports/paper.ts';
import type { FaultStatus } from '../../shared/faultLog/workflow.ts';
import { UsageError } from './errors.ts';
import { parse, single } from './options.ts';

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

export function parseLang(command: string, value: string | undefined): Language {
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

function parseStatus(value: string | undefined): FaultStatus | undefined {
  if (value === undefined || isFaultStatus(value)) return value;
  throw new UsageError(
    `log export: --status expects one of ${FAULT_STATUSES.join(', ')}, got "${value}".`,
  );
}

/** `log export …`: CSV or PDF. */
export function parseLogExport(rest: string[]): LogExportArgs {
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
export function parseReport(rest: string[]): ReportArgs {
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
