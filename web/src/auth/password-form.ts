/** The API's rule (api/src/auth/passwords.ts): checked here first so the form answers at once. */
export const PASSWORD_MIN_LENGTH = 10;

export interface PasswordFields {
  current: string;
  next: string;
  repeat: string;
}

export type PasswordProblem = 'required' | 'tooShort' | 'mismatch' | 'sameAsCurrent';

/** What is wrong with the form before it is sent, by field (the API checks again). */
export function passwordFormProblems(fields: PasswordFields): Partial<Record<keyof PasswordFields, PasswordProblem>> {
  const problems: Partial<Record<keyof PasswordFields, PasswordProblem>> = {};
  if (!fields.current) problems.current = 'required';
  if (!fields.next) problems.next = 'required';
  else if (fields.next.length < PASSWORD_MIN_LENGTH) problems.next = 'tooShort';
  else if (fields.next === fields.current) problems.next = 'sameAsCurrent';
  if (!fields.repeat) problems.repeat = 'required';
  else if (fields.next && fields.repeat !== fields.next) problems.repeat = 'mismatch';
  return problems;
}
