import { graphql } from '@/graphql/gql';

export const CustomFieldsQuery = graphql(`
  query AdminCustomFields($entity: CustomFieldEntity!) {
    customFields(entity: $entity) {
      id
      code
      label
      type
      sort
      personal
      options {
        id
        code
        label
        sort
      }
    }
  }
`);

export const CreateCustomFieldMutation = graphql(`
  mutation AdminCreateCustomField($input: CreateCustomFieldInput!) {
    createCustomField(input: $input) {
      field {
        id
        code
        label
        type
        sort
        personal
        options {
          id
          code
          label
          sort
        }
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

export const UpdateCustomFieldMutation = graphql(`
  mutation AdminUpdateCustomField($id: ID!, $input: UpdateCustomFieldInput!) {
    updateCustomField(id: $id, input: $input) {
      field {
        id
        label
        sort
        personal
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

export const EditCustomFieldOptionsMutation = graphql(`
  mutation AdminEditCustomFieldOptions($id: ID!, $add: [CustomFieldOptionInput!]! = [], $update: [UpdateCustomFieldOptionInput!]! = [], $removeIds: [ID!]! = []) {
    editCustomFieldOptions(id: $id, add: $add, update: $update, removeIds: $removeIds) {
      field {
        id
        options {
          id
          code
          label
          sort
        }
      }
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

export const DeleteCustomFieldMutation = graphql(`
  mutation AdminDeleteCustomField($id: ID!) {
    deleteCustomField(id: $id) {
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
