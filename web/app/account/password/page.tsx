import { ChangePasswordPage } from '@/auth/ChangePasswordPage';
import { titleMetadata } from '@/i18n/metadata';

export const generateMetadata = titleMetadata('auth', 'password.title');

/** Change the signed-in user's password (forced after a one-time password); then go on to `?next=`. */
export default async function ChangePasswordRoute({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return <ChangePasswordPage next={typeof next === 'string' ? next : null} />;
}
