import type { Metadata } from 'next';
import { Dashboard } from '@/dashboard/Dashboard';

export const metadata: Metadata = { title: 'Dashboard' };

export default function HomePage() {
  return (
    <>
      <h1 className="page-title">Dashboard</h1>
      <Dashboard />
    </>
  );
}
