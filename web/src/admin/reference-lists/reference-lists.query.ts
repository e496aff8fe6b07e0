import { graphql } from '@/graphql/gql';

export const ReferenceItemsQuery = graphql(`
  query AdminReferenceItems($list: ReferenceList!) {
    referenceItems(list: $list) {
      id
      code
      label
      sort
      semantic
    }
  }
`);

export const AddReferenceItemMutation = graphql(`
  mutation AdminAddReferenceItem($input: AddReferenceItemInput!) {
    addReferenceItem(input: $input) {
      item {
        id
        code
        label
        sort
        semantic
      }
      errors {
        code
        message
        path
        count
      }
    }
  }
`);

export const UpdateReferenceItemMutation = graphql(`
  mutation AdminUpdateReferenceItem($id: ID!, $input: UpdateReferenceItemInput!) {
    updateReferenceItem(id: $id, input: $input) {
      item {
        id
        code
        label
        sort
        semantic
      }
      errors {
        code
        message
        path
        count
      }
    }
  }
`);

export const ReorderReferenceItemsMutation = graphql(`
  mutation AdminReorderReferenceItems($list: ReferenceList!, $ids: [ID!]!) {
    reorderReferenceItems(list: $list, ids: $ids) {
      items {
        id
        sort
      }
      errors {
        code
        message
        path
        count
      }
    }
  }
`);

export const DeleteReferenceItemMutation = graphql(`
  mutation AdminDeleteReferenceItem($id: ID!, $replacementId: ID) {
    deleteReferenceItem(id: $id, replacementId: $replacementId) {
      deletedId
      errors {
        code
        message
        path
        count
        segments {
          id
          name
        }
      }
    }
  }
`);
