'use client';

/** Last-resort boundary for rendering errors (query errors are handled where the data is shown). */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="panel">
      <h1 className="page-title">Something went wrong</h1>
      <p>This page failed to display. Try again; if it keeps happening, reload the page.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
