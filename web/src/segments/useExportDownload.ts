'use client';

import { useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '@/graphql/gql';
import type { Channel } from '@/graphql/gql/graphql';

/** A fresh signed export link (it expires after a few minutes, so it is asked for on click). */
export const SegmentExportUrlQuery = graphql(`
  query SegmentExportUrl($id: ID!, $channel: Channel!) {
    segment(id: $id) {
      id
      exportUrl(channel: $channel)
    }
  }
`);

/**
 * Downloads a segment's recipients on a channel as CSV: asks the API for a signed link, then
 * follows it (the web server proxies /export to the API). Used by the dynamic and static pages.
 */
export function useExportDownload(segmentId: string | null) {
  const client = useClient();
  const [busy, setBusy] = useState<Channel | null>(null);
  const [failed, setFailed] = useState(false);
  const download = async (channel: Channel) => {
    if (!segmentId) return;
    setBusy(channel);
    setFailed(false);
    try {
      const result = await client.query(SegmentExportUrlQuery, { id: segmentId, channel }, { requestPolicy: 'network-only' }).toPromise();
      const url = result.data?.segment?.exportUrl;
      if (url) window.location.assign(url);
      else setFailed(true);
    } finally {
      setBusy(null);
    }
  };
  return { download, busy, failed };
}
