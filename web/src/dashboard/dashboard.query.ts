import { graphql } from '@/graphql/gql';

/**
 * Everything the dashboard shows in one request: a COUNT per record type (`first: 0` asks for no
 * rows, only `totalCount`) and the pipelines with their stages.
 */
export const DashboardQuery = graphql(`
  query Dashboard {
    contacts(first: 0) {
      totalCount
    }
    companies(first: 0) {
      totalCount
    }
    leads(first: 0) {
      totalCount
    }
    deals(first: 0) {
      totalCount
    }
    products(first: 0) {
      totalCount
    }
    orders(first: 0) {
      totalCount
    }
    pipelines {
      id
      name
      sort
      isDefault
      stages {
        id
        code
        name
        sort
        semantic
      }
    }
  }
`);
