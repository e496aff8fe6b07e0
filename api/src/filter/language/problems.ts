/**
 * What the engine says about a filter it refuses: where (a path into the submitted tree), which
 * rule it breaks (a code clients branch on) and in words. The API reports each as a UserError of
 * the same code (segments/filtering/problems.ts checks that every code here is one of the API's).
 */
export const ProblemCode = {
  INVALID: 'INVALID',
  UNKNOWN_FIELD: 'UNKNOWN_FIELD',
  OPERATOR_NOT_ALLOWED: 'OPERATOR_NOT_ALLOWED',
  VALUE_TYPE_MISMATCH: 'VALUE_TYPE_MISMATCH',
  MISSING_VALUE: 'MISSING_VALUE',
  UNKNOWN_VALUE: 'UNKNOWN_VALUE',
  STAGE_WITHOUT_PIPELINE: 'STAGE_WITHOUT_PIPELINE',
  EMPTY_GROUP: 'EMPTY_GROUP',
  SCOPE_MISMATCH: 'SCOPE_MISMATCH',
  TOO_DEEP: 'TOO_DEEP',
  TOO_MANY_RULES: 'TOO_MANY_RULES',
  TOO_MANY_VALUES: 'TOO_MANY_VALUES',
} as const;
export type ProblemCode = (typeof ProblemCode)[keyof typeof ProblemCode];

export interface FilterProblem {
  path: string[];
  code: ProblemCode;
  message: string;
}
