import type { UserErrorLike } from '@/layout/useUserErrorText';

export interface PlacedProblems {
  /** Problems by the builder element (rule or group id) they belong to. */
  byId: Map<string, string[]>;
  /** Problems outside the filter (name, time zone, a version conflict). */
  general: string[];
}

/**
 * Puts each API problem next to the builder element it is about: its path into the filter
 * (["filter", "rules", "1", "group", "rules", "0", "rule", "value"]) is cut back until it names an
 * element the conversion recorded (conversion.ts `idsByPath`).
 */
export function placeProblems(errors: readonly UserErrorLike[], idsByPath: ReadonlyMap<string, string>, textOf: (error: UserErrorLike) => string): PlacedProblems {
  const byId = new Map<string, string[]>();
  const general: string[] = [];
  for (const error of errors) {
    const text = textOf(error);
    const inFilter = error.path[0] === 'filter' || (error.path[0] === 'input' && error.path[1] === 'filter');
    if (!inFilter) {
      general.push(text);
      continue;
    }
    const path = error.path.slice(error.path[0] === 'input' ? 2 : 1);
    let id: string | undefined;
    for (let length = path.length; length >= 0 && !id; length--) id = idsByPath.get(path.slice(0, length).join('.'));
    if (id) byId.set(id, [...(byId.get(id) ?? []), text]);
    else general.push(text);
  }
  return { byId, general };
}
