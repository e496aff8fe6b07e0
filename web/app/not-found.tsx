import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="panel">
      <h1 className="page-title">Page not found</h1>
      <p>
        There is nothing here yet. <Link href="/">Back to the dashboard</Link>
      </p>
    </div>
  );
}
