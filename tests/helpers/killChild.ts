/** Killing a child process that writes, at a chosen moment, and reading what it acknowledged. */
import { spawn } from 'node:child_process';

/** Deterministic "random" kill delays, so a failing round can be replayed. */
export function killDelaysMs(count: number, seed: number, maxMs: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state % maxMs;
  });
}

export interface Acknowledged {
  /** `kind id` of each complete line after "ready" (none when killed before it). */
  readonly writes: readonly [string, string][];
}

/** When to kill: `delayMs` after the child was spawned, or after it printed "ready". */
export interface KillMoment {
  readonly delayMs: number;
  readonly after: 'spawn' | 'ready';
}

/**
 * Runs the Node script `child` with `args`, SIGKILLs it at `moment`, and reads what it
 * acknowledged: it prints "ready", then one `kind id` line per write once the write returned.
 */
export function runAndKill(
  child: string,
  args: readonly string[],
  moment: KillMoment,
): Promise<Acknowledged> {
  return new Promise((resolve, reject) => {
    const writer = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => (timer ??= setTimeout(() => writer.kill('SIGKILL'), moment.delayMs));
    if (moment.after === 'spawn') arm();
    writer.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.startsWith('ready\n')) arm();
    });
    writer.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    writer.on('error', reject);
    writer.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL')
        return reject(new Error(`the writer stopped on its own: ${stderr}`));
      // A line cut off by the kill was not acknowledged.
      const lines = stdout.split('\n').slice(0, -1);
      resolve({
        writes: (lines[0] === 'ready' ? lines.slice(1) : []).map(
          (line) => line.split(' ') as [string, string],
        ),
      });
    });
  });
}
