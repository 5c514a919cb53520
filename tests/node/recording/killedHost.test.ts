/**
 * Issue 5's kill test: the real web host, in a child process, is SIGKILLed while a page streams
 * a recording to it in real time; started again on the same library, it lists the recording as
 * recovered, holding at least what the host had acknowledged (minus at most one second) and
 * exactly the samples that were sent.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  MachineDetail,
  RecordingSummary,
  SessionProgress,
} from '../../../shared/api/contract.ts';
import {
  apiPath,
  ARGS_HEADER,
  BINARY_CONTENT_TYPE,
  encodeArgsHeader,
  JSON_CONTENT_TYPE,
  resultFromEnvelope,
} from '../../../shared/api/httpProtocol.ts';
import { testSignal } from './recordingFixtures.ts';

const HOST_SCRIPT = join(import.meta.dirname, 'fixtures', 'hostProcess.ts');
const RATE = 48000;
const CHUNK_FRAMES = RATE / 10;
/** Chunks acknowledged before the kill: 3.5 s of audio, sent in real time. */
const CHUNKS_BEFORE_KILL = 35;

let folder: string;

interface RunningHost {
  readonly child: ChildProcess;
  readonly origin: string;
}

function startHost(): Promise<RunningHost> {
  const child = spawn(process.execPath, ['--no-warnings', HOST_SCRIPT, join(folder, 'page')], {
    env: { ...process.env, AUSCULT_HOME: join(folder, 'library') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+?)\/?\s/.exec(output);
      if (match) resolve({ child, origin: match[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the host exited (${code}): ${output}`)));
  });
}

async function call(origin: string, method: Parameters<typeof apiPath>[0], args: unknown[]) {
  const response = await fetch(origin + apiPath(method), {
    method: 'POST',
    headers: { 'Content-Type': JSON_CONTENT_TYPE },
    body: JSON.stringify({ args }),
  });
  return resultFromEnvelope(await response.json());
}

function appendChunk(origin: string, sessionId: string, samples: Float32Array<ArrayBuffer>) {
  return fetch(origin + apiPath('sessions.append'), {
    method: 'POST',
    headers: { 'Content-Type': BINARY_CONTENT_TYPE, [ARGS_HEADER]: encodeArgsHeader([sessionId]) },
    body: new Uint8Array(samples.buffer),
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-killed-host-'));
  await mkdir(join(folder, 'page'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('a web host killed during a recording', () => {
  it('recovers at the next start all the audio it acknowledged, sample for sample', async () => {
    const first = await startHost();
    let acknowledgedSeconds = 0;
    let machineId!: string;
    try {
      const machine = (await call(first.origin, 'machines.create', [
        { id: 'lathe', lineFrequencyHz: 50 },
      ])) as MachineDetail;
      machineId = machine.id;
      const sessionId = (await call(first.origin, 'sessions.start', [machineId, RATE])) as string;
      const started = performance.now();
      for (let i = 0; i < CHUNKS_BEFORE_KILL; i++) {
        // Real time: chunk i leaves when its 100 ms of audio would have been captured.
        const due = started + i * 100 - performance.now();
        if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
        const samples = testSignal(i * CHUNK_FRAMES, CHUNK_FRAMES, RATE);
        const response = await appendChunk(first.origin, sessionId, samples);
        const progress = resultFromEnvelope(await response.json()) as SessionProgress;
        acknowledgedSeconds = progress.writtenSeconds;
      }
      // Mid-stream: the next chunk is on its way when the host dies.
      const inFlight = appendChunk(
        first.origin,
        sessionId,
        testSignal(CHUNKS_BEFORE_KILL * CHUNK_FRAMES, CHUNK_FRAMES, RATE),
      ).catch(() => null);
      await killed(first.child);
      await inFlight;
    } finally {
      if (first.child.exitCode === null && first.child.signalCode === null) {
        await killed(first.child);
      }
    }
    expect(acknowledgedSeconds).toBe(CHUNKS_BEFORE_KILL / 10);

    const second = await startHost();
    try {
      const [recording, ...others] = (await call(second.origin, 'recordings.list', [
        machineId,
      ])) as RecordingSummary[];
      expect(others).toEqual([]);
      expect(recording).toMatchObject({ machineId, origin: 'recovered', sampleRateHz: RATE });
      expect(recording.durationSeconds).toBeGreaterThanOrEqual(acknowledgedSeconds - 1);
      const response = await fetch(second.origin + apiPath('recordings.audio'), {
        method: 'POST',
        headers: { 'Content-Type': JSON_CONTENT_TYPE },
        body: JSON.stringify({ args: [recording.id] }),
      });
      const recovered = new Float32Array((await response.arrayBuffer()).slice(58));
      const sent = testSignal(0, recovered.length, RATE);
      expect(recovered.length).toBe(Math.round(recording.durationSeconds * RATE));
      expect(recovered).toEqual(sent);
    } finally {
      await killed(second.child);
    }
  }, 30_000);
});
