/**
 * The `auscult` command line (DESIGN.md §3): baseline, diagnose, analyze. bin/auscult.mjs starts
 * it on Node 24; tests spawn it directly.
 */
import { enableWasmFft } from '../../shared/dsp/fft.ts';
import { parseCliArgs } from './args.ts';
import type { CliArgs } from './args.ts';
import { runAnalyze, runBaseline, runDiagnose } from './commands.ts';
import type { CommandOutput } from './commands.ts';
import { describeFailure, exitStatus, oneLine } from './errors.ts';
import { helpText } from './help.ts';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

function run(args: Exclude<CliArgs, { command: 'help' }>): Promise<CommandOutput> {
  if (args.command === 'baseline') return runBaseline(args);
  if (args.command === 'diagnose') return runDiagnose(args);
  return runAnalyze(args);
}

/** Runs one command line (without `node` and the script) and returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs([...argv]);
    if (args.command === 'help') {
      io.stdout(helpText(args.topic));
      return exitStatus.done;
    }
    // The WASM SIMD FFT is ~3× faster than fft.js; where it is unavailable fft.js serves.
    await enableWasmFft();
    const output = await run(args);
    for (const warning of output.warnings) io.stderr(`auscult: warning: ${oneLine(warning)}\n`);
    io.stdout(output.stdout);
    return exitStatus.done;
  } catch (error) {
    const { message, status } = describeFailure(error);
    io.stderr(`${message}\n`);
    if (process.env.AUSCULT_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return status;
  }
}

if (import.meta.main) {
  const status = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  process.exitCode = status;
}
