import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobState } from '../../../shared/api/contract.ts';
import { errorFromBody } from '../../../shared/api/errors.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useErrorSentence } from '../../api/errors.ts';

/** How often the job is asked for its progress. */
export const JOB_POLL_MS = 250;

export interface BaselineBuild {
  /** 'idle' before the first build of this page. */
  readonly state: JobState | 'idle';
  /** 0..1. */
  readonly progress: number;
  readonly error: string | null;
  readonly build: (recordingIds: readonly string[]) => void;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a baseline build on the host and polls its job until done or failed; `onBuilt` runs
 * once it is done (to reload the machine and its spectrum).
 */
export function useBaselineBuild(machineId: string, onBuilt: () => void): BaselineBuild {
  const describeError = useErrorSentence();
  const api = useApi();
  const [state, setState] = useState<BaselineBuild['state']>('idle');
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // Stops polling when the page goes away (or shows another machine).
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, [machineId]);

  const build = useCallback(
    (recordingIds: readonly string[]) => {
      setState('running');
      setProgress(0);
      setError(null);
      const poll = async () => {
        const jobId = await api.baselines.build(machineId, [...recordingIds]);
        while (alive.current) {
          const job = await api.baselines.job(jobId);
          if (!alive.current) return;
          setProgress(job.progress);
          if (job.state === 'failed') throw errorFromBody(job.error);
          if (job.state === 'done') {
            setState('done');
            onBuilt();
            return;
          }
          await wait(JOB_POLL_MS);
        }
      };
      poll().catch((e: unknown) => {
        if (!alive.current) return;
        setState('failed');
        setError(describeError(e));
      });
    },
    [api, machineId, onBuilt, describeError],
  );
  return { state, progress, error, build };
}
