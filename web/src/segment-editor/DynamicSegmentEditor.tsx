'use client';

/** The builder for a dynamic segment (being built: issue 5 item 2). */
export function DynamicSegmentEditor({ segmentId }: { segmentId?: string }) {
  return <div data-testid="dynamic-segment-editor" data-segment-id={segmentId} />;
}
