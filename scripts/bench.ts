/**
 * `npm run bench`: Auscult's spectra analysis against its Python peers on the same recording,
 * in the same run. Prints figures; it is not a test and fails nothing (it exits non-zero only
 * when Auscult's own run crashes).
 *
 * Job: Welch PSD (Hann, 8192 points, 50 % overlap, density, constant detrend) of a 10-minute
 * 48 kHz mono 16-bit recording, and the same PSD of its full-band Hilbert envelope. Peers:
 * Auscult (node/analysis, worker threads + WASM FFT), python-scipy (scipy.signal.welch and
 * scipy.signal.hilbert) and python-numpy (chunked), each a fresh process per round.
 *
 * Then the `auscult analyze` command line on the same recording, started three ways
 * (scripts/bench/cliRuns.ts), against the numpy peer's wall time, and `auscult --help`.
 *
 * Environment: BENCH_ROUNDS (default 3), BENCH_SECONDS (recording length, default 600).
 */
import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchRecordingPath, ensureBenchRecording } from './bench/benchRecording.ts';
import { cliLines, cliWays, measureCli, nodeStartLine } from './bench/cliRuns.ts';
import { agreement, ratios, summarize, table } from './bench/report.ts';
import { runPeer } from './bench/runPeer.ts';
import type { PeerCommand, PeerRun } from './bench/runPeer.ts';
import { positiveIntegerFromEnv } from './bench/env.ts';

/** numpy and scipy versions, or the reason the Python peers cannot run. */
function pythonVersions(): { ok: true; versions: string } | { ok: false; reason: string } {
  const probe = spawnSync(
    'python3',
    [
      '-c',
      'import sys, numpy, scipy; print(sys.version.split()[0], numpy.__version__, scipy.__version__)',
    ],
    { encoding: 'utf8' },
  );
  if (probe.error) return { ok: false, reason: 'python3 was not found' };
  if (probe.status !== 0) return { ok: false, reason: 'python3 lacks numpy or scipy' };
  const [python, numpy, scipy] = probe.stdout.trim().split(' ');
  return { ok: true, versions: `Python ${python}, numpy ${numpy}, scipy ${scipy}` };
}

function peerCommands(wav: string, withPython: boolean): PeerCommand[] {
  const script = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
  const auscult: PeerCommand = {
    name: 'auscult',
    command: process.execPath,
    args: ['--experimental-strip-types', '--no-warnings', script('./bench/auscultPeer.ts'), wav],
  };
  if (!withPython) return [auscult];
  const python = (which: string): PeerCommand => ({
    name: `python-${which}`,
    command: 'python3',
    args: [script('./bench/python_peers.py'), which, wav],
  });
  return [auscult, python('numpy'), python('scipy')];
}

async function runRounds(peers: PeerCommand[], rounds: number): Promise<Map<string, PeerRun[]>> {
  const runs = new Map<string, PeerRun[]>(peers.map((p) => [p.name, []]));
  for (let round = 1; round <= rounds; round++) {
    // Rotating the order spreads the machine's load drifts over all peers.
    const order = peers.map((_, i) => peers[(i + round - 1) % peers.length]);
    for (const peer of order) {
      try {
        const run = await runPeer(peer);
        runs.get(peer.name)?.push(run);
        console.log(
          `  round ${round}/${rounds}  ${peer.name.padEnd(13)} compute ${run.computeSeconds.toFixed(3)} s` +
            `  wall ${run.wallSeconds.toFixed(3)} s  ${run.maxRssMb.toFixed(0)} MB`,
        );
      } catch (error) {
        if (peer.name === 'auscult') throw error;
        console.log(`  ${peer.name} failed and is left out: ${(error as Error).message}`);
        peers.splice(peers.indexOf(peer), 1);
        runs.delete(peer.name);
      }
    }
  }
  return runs;
}

async function main(): Promise<void> {
  const rounds = positiveIntegerFromEnv('BENCH_ROUNDS', 3);
  const spec = {
    durationSeconds: positiveIntegerFromEnv('BENCH_SECONDS', 600),
    sampleRateHz: 48_000,
  };
  const python = pythonVersions();
  console.log(
    `Auscult benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores ` +
      `(${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.versions.node}` +
      (python.ok ? `, ${python.versions}` : ''),
  );
  console.log(
    `Job: Welch PSD (Hann, 8192, 50 % overlap, density) of the signal and of its Hilbert envelope; ` +
      `${spec.durationSeconds} s at ${spec.sampleRateHz} Hz, mono 16-bit; ${rounds} rounds, medians.`,
  );
  if (!python.ok) console.log(`Notice: ${python.reason}; the Python peers are skipped.`);
  const cachedPath = benchRecordingPath(spec);
  const cached = await stat(cachedPath).then(
    () => true,
    () => false,
  );
  if (!cached) console.log(`Generating the recording once (cached as ${cachedPath}) ...`);
  const wav = await ensureBenchRecording(spec);
  if (cached) console.log(`Recording: ${wav} (cached)`);

  const runs = await runRounds(peerCommands(wav, python.ok), rounds);
  const summaries = [...runs].map(([name, list]) => summarize(name, list));
  console.log(`\n${table(summaries)}\n`);
  console.log(
    '"process s" is reported by each process from its own start; "wall s" is measured by',
  );
  console.log(
    "this script around the spawn. Peak MB is the process's max RSS (threads included).\n",
  );
  const [auscult, ...pythonPeers] = summaries;
  for (const line of ratios(auscult, pythonPeers)) console.log(line);
  for (const line of agreement(summaries)) console.log(line);

  // The command line, whole process: `auscult analyze` of the same recording (the features of
  // docs/diagnosis.md, a larger job than the spectra above) against the numpy peer's wall time.
  console.log('\nThe command line, `auscult analyze` of the same recording (medians, wall):');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const numpy = peerCommands(wav, python.ok).find((p) => p.name === 'python-numpy');
  const { figures, numpyWallSeconds, nodeStartSeconds } = await measureCli(
    cliWays(root),
    wav,
    rounds,
    numpy && { name: numpy.name, command: numpy.command, args: numpy.args, env: process.env },
  );
  if (numpyWallSeconds !== null) {
    console.log(`python-numpy    ${numpyWallSeconds.toFixed(3)} s wall in the same rounds`);
  }
  for (const line of cliLines(figures, numpyWallSeconds)) console.log(line);
  console.log(nodeStartLine(nodeStartSeconds));
}

await main();
