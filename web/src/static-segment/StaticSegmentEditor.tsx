'use client';

/** The address list of a static segment (being built: issue 5 item 3). */
export function StaticSegmentEditor({ segmentId }: { segmentId: string }) {
  return <div data-testid="static-segment-editor" data-segment-id={segmentId} />;
}
