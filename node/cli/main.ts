/**
 * The `auscult` command line (docs/formats.md): baseline, diagnose, analyze, speed, log export, report, hub, bundle, sync. run.ts runs it on the
 * process's arguments; bin/auscult.mjs runs the build of run.ts, dist/cli/auscult.js.
 */
import type { AnalysisPool } from '../analysis/analysisPool.ts';
import { parseCliArgs } from './args.ts';
import type { CliArgs } from './args.ts';
import type { CommandOutput } from './commands.ts';
import { describeFailure, exitStatus, oneLine } from './errors.ts';
import { helpText } from './help.ts';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

// The commands and the pool load only for a command: `auscult --help` stays a quick start.
async function run(
  args: Exclude<CliArgs, { command: 'help' | 'log' | 'hub' | 'speed' | 'bundle' | 'sync' }>,
  pool: AnalysisPool,
) {
  if (args.command === 'report') {
    const { runReport } = await import('./report.ts');
    return runReport(args, pool);
  }
  const { runAnalyze, runBaseline, runDiagnose } = await import('./commands.ts');
  if (args.command === 'baseline') return runBaseline(args, pool);
  if (args.command === 'diagnose') return runDiagnose(args, pool);
  return runAnalyze(args, pool);
}

/**
 * One pool for the whole command; its workers load while the files' headers are read. This
 * thread computes too (it would only wait): it plans while the workers start, and takes ranges.
 */
async function commandPool(io: CliIo): Promise<AnalysisPool> {
  const { createAnalysisPool } = await import('../analysis/analysisPool.ts');
  return createAnalysisPool({
    start: 'now',
    callerRuns: true,
    onFallback: (error) =>
      io.stderr(
        `auscult: warning: ${oneLine(`the analysis workers could not start (${error.message}); analysing in one thread`)}\n`,
      ),
  });
}

/** Runs one command line (without `node` and the script) and returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let pool: AnalysisPool | null = null;
  try {
    const args = parseCliArgs([...argv]);
    if (args.command === 'help') {
      io.stdout(helpText(args.topic));
      return exitStatus.done;
    }
    let output: CommandOutput;
    if (args.command === 'log') {
      // Reads the library's database; no analysis, so no pool.
      const { runLogExport } = await import('./logExport.ts');
      output = await runLogExport(args);
    } else if (args.command === 'hub') {
      // The hub's database only; no analysis.
      const { runHub } = await import('./hub.ts');
      output = await runHub(args, (text) => io.stdout(text));
    } else if (args.command === 'sync') {
      // The library and the hub; no analysis.
      const { runSync } = await import('./sync.ts');
      output = await runSync(args, (text) => io.stdout(text));
    } else if (args.command === 'bundle') {
      // Zip files and the library's rows; no analysis.
      const { runBundle } = await import('./bundle.ts');
      output = await runBundle(args);
    } else if (args.command === 'speed') {
      // Reads the first seconds of one file in this thread; no pool either.
      const { runSpeed } = await import('./speed.ts');
      output = await runSpeed(args);
    } else {
      pool = await commandPool(io);
      output = await run(args, pool);
    }
    for (const warning of output.warnings) io.stderr(`auscult: warning: ${oneLine(warning)}\n`);
    io.stdout(output.stdout);
    return exitStatus.done;
  } catch (error) {
    const { message, status } = describeFailure(error);
    io.stderr(`${message}\n`);
    if (process.env.AUSCULT_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return status;
  } finally {
    await pool?.close();
  }
}

/** The command line of this process, its output on stdout and stderr; sets the exit code. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
