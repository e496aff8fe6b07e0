import { registerEnumType } from 'type-graphql';

/** Dynamic segments are a filter evaluated live; static ones are a stored list of addresses. */
export enum SegmentKind {
  DYNAMIC = 'DYNAMIC',
  STATIC = 'STATIC',
}
registerEnumType(SegmentKind, { name: 'SegmentKind', description: 'DYNAMIC: a filter evaluated at query time. STATIC: a stored list of addresses.' });
