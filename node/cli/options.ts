/** Parsing one command's options with node:util, its errors as usage errors. */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './errors.ts';

export function parse(command: string, argv: string[], options: ParseArgsOptionsConfig) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs names the offending option; keep that sentence, drop its advice about '--'.
    const sentence = (error as Error).message.split(/\.\s+To specify|\n/)[0].replace(/\.$/, '');
    throw new UsageError(`${command}: ${sentence} (see auscult ${command} --help).`);
  }
}

/** The one positional argument a command takes (its recording). */
export function single(command: string, positionals: string[], what: string): string {
  if (positionals.length !== 1) {
    throw new UsageError(`${command}: expected exactly one ${what}, got ${positionals.length}.`);
  }
  return positionals[0];
}
