'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import type { StaticImportJobPollQuery } from '@/graphql/gql/graphql';
import type { UserErrorLike } from '@/layout/useUserErrorText';
import { POLL_MS } from './model';
import { StartStaticImportMutation, StaticImportJobQuery } from './static-segment.query';

export type ImportJob = NonNullable<StaticImportJobPollQuery['staticImportJob']>;

/** Polls in a row that may fail (a blip in the network) before the page says so. */
const FAILED_POLLS_SHOWN = 3;

export interface ImportJobState {
  job: ImportJob | null;
  /** Problems that stopped the import before it began (not static, too large, no such segment). */
  errors: UserErrorLike[];
  starting: boolean;
  /** The API no longer knows the job (restart, expiry). */
  lost: boolean;
  /** Several polls in a row failed; polling goes on. */
  pollFailing: boolean;
  start: (text: string) => Promise<void>;
}

/**
 * Starts an import in the background and follows it every POLL_MS until it is DONE or FAILED;
 * `onFinished` runs once when it ends (to refresh the sizes and the list).
 */
export function useImportJob(segmentId: string, onFinished: () => void): ImportJobState {
  const client = useClient();
  const [{ fetching: starting }, startImport] = useMutation(StartStaticImportMutation);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [lost, setLost] = useState(false);
  const [failedPolls, setFailedPolls] = useState(0);
  // The latest onFinished, for the poll and for `start` to call (a ref is written after render, not during it).
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  const start = useCallback(
    async (text: string) => {
      setErrors([]);
      setLost(false);
      setFailedPolls(0);
      setJob(null);
      const result = await startImport({ id: segmentId, text });
      const payload = result.data?.startStaticSegmentImport;
      if (!payload) {
        setErrors([{ code: 'WRITE_FAILED', message: result.error?.message ?? 'The import could not be started.', path: ['text'] }]);
        return;
      }
      if (payload.errors.length || !payload.job) {
        setErrors(payload.errors);
        return;
      }
      setJob(payload.job);
      if (payload.job.state !== 'RUNNING') finished.current();
    },
    [segmentId, startImport],
  );

  const jobId = job?.id;
  const running = job?.state === 'RUNNING' && !lost;
  useEffect(() => {
    if (!running || !jobId) return;
    let cancelled = false;
    const poll = async () => {
      const result = await client.query(StaticImportJobQuery, { id: jobId }, { requestPolicy: 'network-only' }).toPromise();
      if (cancelled) return;
      if (result.error || !result.data) {
        // A new state object re-arms this effect for the next poll.
        setFailedPolls((n) => n + 1);
        setJob((current) => (current ? { ...current } : current));
        return;
      }
      setFailedPolls(0);
      const next = result.data.staticImportJob;
      if (!next) {
        setLost(true);
        finished.current();
        return;
      }
      setJob(next);
      if (next.state !== 'RUNNING') finished.current();
    };
    // urql answers errors in the result (handled above) instead of rejecting.
    const timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, job, jobId, running]);

  return { job, errors, starting, lost, pollFailing: failedPolls >= FAILED_POLLS_SHOWN, start };
}
