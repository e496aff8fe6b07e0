import { describe, expect, it } from 'vitest';
import { placeProblems } from './problems';

const ids = new Map([
  ['', 'root'],
  ['rules.0', 'r0'],
  ['rules.0.rule', 'r0'],
  ['rules.1.group', 'm1'],
  ['rules.1.group.rules.0.rule', 'r10'],
]);
const err = (path: string[], message: string) => ({ code: 'INVALID', message, path });

describe('placeProblems', () => {
  it('puts problems on the deepest builder element of their path', () => {
    const placed = placeProblems(
      [
        err(['filter', 'rules', '1', 'group', 'rules', '0', 'rule', 'value'], 'stage'),
        err(['filter', 'rules', '1', 'group', 'threshold'], 'threshold'),
        err(['filter', 'rules'], 'empty'),
        err(['timeZone'], 'zone'),
        err(['input', 'filter', 'rules', '0', 'rule', 'field'], 'field'),
      ],
      ids,
      (e) => e.message,
    );
    expect(Object.fromEntries(placed.byId)).toEqual({ r10: ['stage'], m1: ['threshold'], root: ['empty'], r0: ['field'] });
    expect(placed.general).toEqual(['zone']);
  });
});
