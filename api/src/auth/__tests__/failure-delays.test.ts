import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { delayAfterFailures } from '../failure-delays';

describe('progressive sign-in delays', () => {
  it('double from 1 s per failure and stop at 60 s by default', () => {
    const settings = loadConfig({}).auth.failureDelay;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 1000].map((failures) => delayAfterFailures(failures, settings))).toEqual([0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('read their bounds from the environment', () => {
    expect(loadConfig({ SIGN_IN_DELAY_FIRST_SECONDS: '2', SIGN_IN_DELAY_MAX_SECONDS: '30', SIGN_IN_CLIENT_FAILURES: '50' }).auth).toMatchObject({
      failureDelay: { firstSeconds: 2, maxSeconds: 30 },
      clientFailures: 50,
    });
  });
});
