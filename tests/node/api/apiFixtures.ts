/** A library and the service over it, called the way both hosts call it: through dispatch. */
import type { AuscultService } from '../../../node/api/service.ts';
import { createAuscultService } from '../../../node/api/service.ts';
import { dispatch } from '../../../node/api/dispatch.ts';
import type { ErrorLogger } from '../../../node/api/errors.ts';
import { openLibrary } from '../../../node/library/library.ts';
import type { Library } from '../../../node/library/library.ts';
import type {
  AuscultApi,
  ErrorBody,
  MachineDetail,
  MachineSummary,
  RecordingSummary,
} from '../../../shared/api/contract.ts';
import { apiFromCall } from '../../../shared/api/methods.ts';
import { arrayBufferOf, simWav, temporaryFolder } from '../library/libraryFixtures.ts';
import { simLatheProfileJson } from '../../../shared/simulation/profiles.ts';
import { afterAll, beforeAll, expect } from 'vitest';
import { ApiError } from '../../../shared/api/contract.ts';

export interface ApiFixture {
  readonly library: Library;
  readonly service: AuscultService;
  /** What the host saw logged (unexpected errors only). */
  readonly logged: unknown[];
  call(method: string, ...args: unknown[]): Promise<unknown>;
  /** The same calls, typed: the AuscultApi the page's clients build over their transport. */
  readonly typed: AuscultApi;
  /** Imports `bytes` through begin/append/finish in chunks of `chunkBytes`. */
  importWav(
    machineId: string,
    name: string,
    bytes: Uint8Array,
    chunkBytes?: number,
  ): Promise<RecordingSummary>;
  close(): Promise<void>;
}

export async function openApiFixture(
  options: { demo?: boolean; pool?: 'workers' | 'inline' } = {},
): Promise<ApiFixture> {
  const folder = await temporaryFolder('auscult-api-');
  const library = await openLibrary(folder.path, { demo: options.demo ?? false });
  // 'workers': the service's own pool, as the hosts have it; 'inline': analysis in this thread.
  const service = createAuscultService(library, {
    pool: options.pool === 'workers' ? undefined : 'inline',
  });
  const logged: unknown[] = [];
  const log: ErrorLogger = (_message, error) => logged.push(error);
  const call = (method: string, ...args: unknown[]) => dispatch(service, method, args, { log });
  return {
    library,
    service,
    logged,
    call,
    typed: apiFromCall((method, args) => call(method, ...args)),
    async importWav(machineId, name, bytes, chunkBytes = 64 * 1024) {
      const importId = await call('recordings.beginImport', machineId, name, bytes.length);
      for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
        await call(
          'recordings.appendImport',
          importId,
          arrayBufferOf(bytes.subarray(offset, offset + chunkBytes)),
        );
      }
      return (await call('recordings.finishImport', importId)) as RecordingSummary;
    },
    async close() {
      await service.close();
      await library.close();
      await folder.remove();
    },
  };
}

/** A library with the demo machine (its recordings, baseline and diagnoses), and that machine. */
export async function openDemoApi(
  options: { pool?: 'workers' | 'inline' } = {},
): Promise<{ api: ApiFixture; demo: MachineSummary }> {
  const api = await openApiFixture({ demo: true, ...options });
  const [demo] = (await api.call('machines.list')) as MachineSummary[];
  return { api, demo };
}

/**
 * The demo library (openDemoApi) with a second machine, a 60 Hz mill without a baseline, and the
 * demo's faulty recording (review-2.wav, lead-screw contamination).
 */
export async function openDemoAndMill(): Promise<{
  api: ApiFixture;
  demo: MachineSummary;
  bare: MachineDetail;
  contaminated: RecordingSummary;
}> {
  const { api, demo } = await openDemoApi();
  const bare = (await api.call('machines.create', {
    id: 'mill',
    lineFrequencyHz: 60,
  })) as MachineDetail;
  const recordings = (await api.call('recordings.list', demo.id)) as RecordingSummary[];
  const contaminated = recordings.find((r) => r.name === 'review-2.wav') as RecordingSummary;
  return { api, demo, bare, contaminated };
}

/**
 * Opens a library with `open` before the test file's tests, hands it to `use` (which keeps what
 * the file needs in its own variables), and closes it after them.
 */
export function openForTheseTests<T extends { api: ApiFixture }>(
  open: () => Promise<T>,
  use: (opened: T) => void,
): void {
  let opened: T | undefined;
  beforeAll(async () => {
    opened = await open();
    use(opened);
  }, 60_000);
  afterAll(async () => {
    await opened?.api.close();
  });
}

/** The simulated lathe's recordings of openLatheAndMill: length and rate. */
export const LATHE_WAV = { durationSeconds: 3, sampleRateHz: 16_000 } as const;

/**
 * A library with the simulated lathe and a healthy recording of it for each seed (LATHE_WAV,
 * named healthy-<seed>.wav), and a second machine, a 60 Hz mill, with none.
 */
export async function openLatheAndMill(healthySeeds: readonly number[]): Promise<{
  api: ApiFixture;
  machine: MachineDetail;
  healthy: RecordingSummary[];
  otherMachine: MachineDetail;
}> {
  const api = await openApiFixture();
  const machine = (await api.call('machines.create', simLatheProfileJson)) as MachineDetail;
  const healthy: RecordingSummary[] = [];
  for (const seed of healthySeeds) {
    const bytes = simWav({ seed, ...LATHE_WAV });
    healthy.push(await api.importWav(machine.id, `healthy-${seed}.wav`, bytes));
  }
  const mill = { id: 'mill', lineFrequencyHz: 60 };
  const otherMachine = (await api.call('machines.create', mill)) as MachineDetail;
  return { api, machine, healthy, otherMachine };
}

/** Polls a job until it has settled; returns every status seen. */
export async function pollJob<T>(
  call: ApiFixture['call'],
  jobId: string,
): Promise<{ state: string; progress: number; result: T | null; error: ErrorBody | null }[]> {
  const seen = [];
  for (;;) {
    const status = (await call('baselines.job', jobId)) as {
      state: string;
      progress: number;
      result: T | null;
      error: ErrorBody | null;
    };
    seen.push(status);
    if (status.state !== 'running') return seen;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The ApiError `promise` rejects with (the test fails when it resolves or rejects otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
