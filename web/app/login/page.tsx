import { LoginPage } from '@/auth/LoginPage';
import { titleMetadata } from '@/i18n/metadata';

export const generateMetadata = titleMetadata('auth', 'login.title');

/** Sign in; `?next=` is where to go afterwards (same-origin paths only). */
export default async function LoginRoute({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return <LoginPage next={typeof next === 'string' ? next : null} />;
}
