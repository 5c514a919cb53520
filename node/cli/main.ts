/** The `auscult` command line (DESIGN.md §3). */
const usage = `Usage: auscult <command> [options]

Commands (DESIGN.md §3):
  baseline --profile P.json --out B.json healthy1.wav [healthy2.wav ...]
  diagnose --baseline B.json [--profile P.json] [--rpm SHAFT=RPM ...] [--json] rec.wav
  diagnose --profile P.json [--json] rec.wav
  analyze [--json] rec.wav

Exit status: 0 work done, 1 unreadable or invalid input, 2 wrong usage.
`;

const args = process.argv.slice(2);
if (args.length === 0 || args[0] === '--help' || args[0] === '-h') {
  process.stdout.write(usage);
  process.exit(0);
}
process.stderr.write(`auscult: unknown command "${args[0]}"; see auscult --help.\n`);
process.exit(2);
