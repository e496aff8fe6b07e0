import { graphql } from '@/graphql/gql';

export const PipelinesQuery = graphql(`
  query AdminPipelines {
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

export const CreatePipelineMutation = graphql(`
  mutation AdminCreatePipeline($input: CreatePipelineInput!) {
    createPipeline(input: $input) {
      pipeline {
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
      errors {
        code
        message
        path
        count
      }
    }
  }
`);

export const UpdatePipelineMutation = graphql(`
  mutation AdminUpdatePipeline($id: ID!, $input: UpdatePipelineInput!) {
    updatePipeline(id: $id, input: $input) {
      pipeline {
        id
        name
        sort
        isDefault
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

export const DeletePipelineMutation = graphql(`
  mutation AdminDeletePipeline($id: ID!) {
    deletePipeline(id: $id) {
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

export const AddStageMutation = graphql(`
  mutation AdminAddStage($pipelineId: ID!, $input: StageInput!) {
    addStage(pipelineId: $pipelineId, input: $input) {
      stage {
        id
        code
        name
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

export const UpdateStageMutation = graphql(`
  mutation AdminUpdateStage($id: ID!, $input: UpdateStageInput!) {
    updateStage(id: $id, input: $input) {
      stage {
        id
        name
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

export const ReorderStagesMutation = graphql(`
  mutation AdminReorderStages($pipelineId: ID!, $ids: [ID!]!) {
    reorderStages(pipelineId: $pipelineId, ids: $ids) {
      pipeline {
        id
        stages {
          id
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

export const DeleteStageMutation = graphql(`
  mutation AdminDeleteStage($id: ID!, $replacementId: ID) {
    deleteStage(id: $id, replacementId: $replacementId) {
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
