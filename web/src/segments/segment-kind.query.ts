import { graphql } from '@/graphql/gql';

/** Which editor a saved segment opens in. */
export const SegmentKindQuery = graphql(`
  query SegmentKind($id: ID!) {
    segment(id: $id) {
      id
      kind
      name
    }
  }
`);
