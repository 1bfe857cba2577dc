/**
 * Publishing, unpublishing, archiving and restoring a plan (`changePlan`): from the plans in
 * administration and from a draft plan's dashboard. The API decides; a stale `version` is a
 * conflict that carries the plan's version now.
 */
import { request } from '../graphql/client.js';
import { graphql, type VariablesOf } from '../graphql/graphql.js';
import { MutationErrorFields } from '../graphql/mutation-errors.js';

const ChangePlanMutation = graphql(
  `
  mutation ChangePlan($id: ID!, $expectedVersion: Int!, $input: ChangePlanInput!) {
    changePlan(id: $id, expectedVersion: $expectedVersion, input: $input) {
      __typename
      ... on Plan { id slug title published archivedAt version }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

export type PlanChange = VariablesOf<typeof ChangePlanMutation>['input'];

/** What each change is called, for buttons and the message after it. */
export const PLAN_CHANGES = {
  publish: { input: { published: true }, verb: 'Publish', done: 'is published: anyone can see it' },
  unpublish: {
    input: { published: false },
    verb: 'Unpublish',
    done: 'is unpublished: only your organisation’s staff see it',
  },
  archive: {
    input: { archived: true },
    verb: 'Archive',
    done: 'is archived: its staff can still open it, and it is not published',
  },
  restore: {
    input: { archived: false },
    verb: 'Restore',
    done: 'is back from the archive, as a draft',
  },
} as const satisfies Record<string, { input: PlanChange; verb: string; done: string }>;

export type PlanChangeKind = keyof typeof PLAN_CHANGES;

/** Sends one change of a plan as read at `version`. */
export async function changePlan(
  plan: { readonly id: string; readonly version: number },
  kind: PlanChangeKind,
) {
  const { changePlan: result } = await request(ChangePlanMutation, {
    id: plan.id,
    expectedVersion: plan.version,
    input: PLAN_CHANGES[kind].input,
  });
  return result;
}
