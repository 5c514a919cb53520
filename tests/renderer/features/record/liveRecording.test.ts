/**
 * A live recording against the real API implementation (node/api over a library in a temporary
 * folder): the chunks a recorder hands over reach the host's file in order and whole, Stop
 * finalises it, and a host that falls too far behind ends the recording cleanly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuscultApi } from '../../../../shared/api/contract.ts';
import { decodeWav } from '../../../../shared/audio/wavReader.ts';
import { exampleProfileJson } from '../../../../shared/simulation/profiles.ts';
import { LiveRecording } from '../../../../renderer/features/record/liveRecording.ts';
import type {
  LiveRecorder,
  RecordingStatus,
} from '../../../../renderer/features/record/liveRecording.ts';
import { RecordingChunker } from '../../../../renderer/features/record/recordingChunker.ts';
import { errorSentence } from '../../../../renderer/api/errors.ts';
import { translator } from '../../../helpers/translate.ts';
import { openApiFixture } from '../../../node/api/apiFixtures.ts';
import type { ApiFixture } from '../../../node/api/apiFixtures.ts';

const RATE = 8000;

/** A recorder playing `signal` in worklet-sized blocks as soon as chunking starts. */
function signalRecorder(signal: Float32Array, blockSamples = 1024): LiveRecorder {
  let chunker: RecordingChunker | null = null;
  let onChunk: (samples: ArrayBuffer) => void = () => {};
  return {
    sampleRateHz: RATE,
    startChunks(chunkSamples, listener) {
      chunker = new RecordingChunker(chunkSamples);
      onChunk = listener;
      for (let offset = 0; offset < signal.length; offset += blockSamples) {
        chunker.push(signal.subarray(offset, offset + blockSamples)).forEach(onChunk);
      }
    },
    async flush() {
      const rest = chunker?.flush();
      if (rest) onChunk(rest);
    },
  };
}

let fixture: ApiFixture;
let machineId: string;

beforeEach(async () => {
  fixture = await openApiFixture({ demo: false });
  machineId = (await fixture.service.machines.create(exampleProfileJson())).id;
});

afterEach(async () => {
  await fixture.close();
});

const t = translator('en');

function record(sessions: AuscultApi['sessions'], recorder: LiveRecorder) {
  const statuses: RecordingStatus[] = [];
  const recording = new LiveRecording({
    sessions,
    recorder,
    machineId,
    onStatus: (s) => statuses.push(s),
    describeError: (error) => errorSentence(error, t),
  });
  return { recording, statuses, last: () => statuses[statuses.length - 1] };
}

describe('LiveRecording', () => {
  it('writes every sample, in order, and finalises the recording on Stop', async () => {
    const signal = Float32Array.from({ length: 3 * RATE + 123 }, (_, i) =>
      Math.fround(0.3 * Math.sin(i / 7)),
    );
    const { recording, statuses, last } = record(fixture.service.sessions, signalRecorder(signal));
    await recording.start();
    expect(statuses.map((s) => s.phase)).toContain('recording');
    await recording.stop();
    const done = last();
    expect(done.phase).toBe('done');
    expect(done.error).toBeNull();
    expect(done.capturedSeconds).toBeCloseTo(signal.length / RATE, 9);
    expect(done.writtenSeconds).toBeCloseTo(signal.length / RATE, 9);
    const summary = done.result?.recording;
    expect(summary?.origin).toBe('recorded');
    expect(summary?.sampleRateHz).toBe(RATE);
    expect(done.result?.diagnosis).toBeNull(); // the machine has no baseline yet
    const bytes = await fixture.service.recordings.audio(summary?.id ?? '');
    const written = (await decodeWav(new Uint8Array(bytes))).samples;
    expect(written.length).toBe(signal.length);
    const worst = signal.reduce((m, x, i) => Math.max(m, Math.abs(x - written[i])), 0);
    expect(worst).toBeLessThan(1e-4);
  });

  it('still ends the session when Stop comes while it is opening, showing the host’s answer', async () => {
    const { recording, last } = record(
      fixture.service.sessions,
      signalRecorder(new Float32Array(0)),
    );
    const started = recording.start();
    const stopped = recording.stop();
    await Promise.all([started, stopped]);
    // No chunk was sent, so the host's sessions.stop refuses to keep an empty recording.
    expect(last().phase).toBe('failed');
    expect(last().error).toMatch(/nothing was recorded/);
  });

  it('stops cleanly, keeping what was written, when the host falls too far behind', async () => {
    const real = fixture.service.sessions;
    const gate: (() => void)[] = [];
    const slow: AuscultApi['sessions'] = {
      ...real,
      // Appends wait until the test opens the gate: the host stands still.
      append: (id, chunk) =>
        new Promise<void>((resolve) => gate.push(resolve)).then(() => real.append(id, chunk)),
    };
    const signal = new Float32Array(12 * RATE).fill(0.1);
    const { recording, last } = record(slow, signalRecorder(signal));
    await recording.start();
    expect(last().stoppedForBacklog).toBe(true);
    expect(last().backlogSeconds).toBeLessThanOrEqual(10);
    const stopped = recording.stop();
    while (last().phase !== 'done') {
      gate.splice(0).forEach((open) => open());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await stopped;
    expect(last().result?.recording.durationSeconds).toBeCloseTo(10, 6);
  });

  it('reports a session the host refuses to open', async () => {
    const { recording, last } = record(fixture.service.sessions, {
      ...signalRecorder(new Float32Array(0)),
      sampleRateHz: 1,
    });
    await recording.start();
    expect(last().phase).toBe('failed');
    expect(last().error).toMatch(/sampleRateHz/);
  });
});
