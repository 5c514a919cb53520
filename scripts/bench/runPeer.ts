/**
 * Running one benchmark peer as a child process: its own JSON line, plus the wall time the
 * parent measures around the spawn (process creation and exit included).
 */
import { spawn } from 'node:child_process';

/** The line every peer prints (see python_peers.py and auscultPeer.ts). */
export interface PeerReport {
  readonly implementation: string;
  readonly computeSeconds: number;
  /** From the peer's own process start to its report. */
  readonly totalSeconds: number;
  readonly maxRssMb: number;
  readonly psdPeakHz: number;
  readonly psdTotal: number;
  readonly envelopePeakHz: number;
  readonly envelopeTotal: number;
}

export interface PeerRun extends PeerReport {
  /** Spawn to exit, measured by the parent. */
  readonly wallSeconds: number;
}

export interface PeerCommand {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
}

/** Runs `peer`, resolves with its report; rejects with its stderr when it fails. */
export function runPeer(peer: PeerCommand): Promise<PeerRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(peer.command, peer.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = (performance.now() - started) / 1000;
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`${peer.name} failed (exit ${code}): ${stderr.trim() || stdout.trim()}`));
        return;
      }
      resolve({ ...(JSON.parse(line) as PeerReport), wallSeconds });
    });
  });
}
