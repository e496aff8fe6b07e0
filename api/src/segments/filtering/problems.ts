import { UserError, UserErrorCode } from '../../common/user-error';
import type { FilterProblem, ProblemCode } from '../../filter/language/problems';

/** Every code the engine reports is one of the API's error codes (a compile error otherwise). */
type Unknown = Exclude<ProblemCode, `${UserErrorCode}`>;
const everyCodeKnown: [Unknown] extends [never] ? true : Unknown = true;
void everyCodeKnown;

/** The engine's problems as the API reports them. */
export const toUserErrors = (problems: readonly FilterProblem[]): UserError[] => problems.map((p) => UserError.of(p.path, p.code as UserErrorCode, p.message));
