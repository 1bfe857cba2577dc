/**
 * What the benchmark sends: four GraphQL operations as a panel officer, a partner system and a
 * member of staff would send them, and the baseline's two URLs. Each scenario says how to build a
 * request and how to tell a good response from a broken one.
 */
import { schema } from '@plan-tracker/api';
import { parse, validate } from 'graphql';

export const PLAN_TREE = /* GraphQL */ `
  query PlanTree($slug: String!) {
    plan(slug: $slug) {
      title vision periodStart periodEnd
      rollUp { count progressPercent rag status overdue }
      priorities {
        number title
        rollUp { count progressPercent rag status overdue }
        measures { name unit values { period value } }
        themes {
          position title
          rollUp { count progressPercent rag status overdue }
          commitments { ...CommitmentTree }
        }
      }
      crossCuttingCommitments { ...CommitmentTree }
    }
  }
  fragment CommitmentTree on Commitment {
    code text status rag progressPercent dueDate overdue
    rollUp { basis progressPercent rag status }
    actions {
      title owner status rag progressPercent startDate dueDate overdue
      milestones { title dueDate completedOn }
    }
    updates { period recordedOn narrative statusAfter ragAfter progressAfter }
  }
`;

export const COMMITMENTS_PAGE = /* GraphQL */ `
  query CommitmentsPage($slug: String!) {
    plan(slug: $slug) {
      commitments(
        first: 20
        filter: { work: { status: [IN_PROGRESS, ONGOING], rag: [AMBER, RED] } }
        orderBy: { field: DUE_DATE }
      ) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { code text status rag owner dueDate progressPercent } }
      }
    }
  }
`;

/** The Panel's quarterly monitoring report, as the report pages read it. */
export const MONITORING_REPORT = /* GraphQL */ `
  query MonitoringReport($slug: String!, $period: String!) {
    plan(slug: $slug) {
      monitoringReport(period: $period) {
        __typename
        ... on ReportPeriodError { code message }
        ... on MonitoringReport {
          period asAt organisationName previousPeriod expectedProgressPercent
          overall {
            progress { actualPercent expectedPercent verdict }
            rollUp { count progressPercent rag status overdue byRag { rag count } byStatus { status count } }
          }
          priorities {
            number title
            progress { actualPercent expectedPercent verdict }
            rollUp { count progressPercent rag overdue }
            themes { title rollUp { count progressPercent rag overdue } }
            commitments {
              code text status rag progressPercent overdue owner dueDate basis
              latestNote { narrative recordedOn }
            }
            exceptions { code title kind status rag reasons daysOverdue correctiveAction }
            changes { code text }
            headlines { code narrative recordedOn statusAfter ragAfter progressAfter }
            measures {
              name unit direction travel change
              latest { period value }
              previous { period value }
            }
          }
          crossCutting {
            progress { actualPercent verdict }
            commitments { code status rag progressPercent }
            exceptions { code title reasons }
          }
          timeline { period asAt progress { actualPercent expectedPercent } byRag { rag count } }
        }
      }
    }
  }
`;

/** The plan as at a quarter end, with roll-ups and the exceptions: "as at" replayed from history. */
export const PLAN_AS_AT = /* GraphQL */ `
  query PlanAsAt($slug: String!, $asAt: Date!) {
    plan(slug: $slug, asAt: $asAt) {
      asAt
      rollUp { count progressPercent rag status overdue byRag { rag count } byStatus { status count } }
      crossCuttingRollUps { section rollUp { count progressPercent rag overdue } }
      priorities {
        number title
        rollUp { count progressPercent rag status overdue byRag { rag count } }
        measures { name values { period value } }
        themes {
          title
          rollUp { count progressPercent rag overdue }
          commitments { code status rag progressPercent overdue rollUp { basis progressPercent rag status } }
        }
      }
      exceptions: commitments(first: 100, filter: { work: { rag: [RED] } }) {
        totalCount
        edges { node { code text status rag owner dueDate } }
      }
    }
  }
`;

export const CHANGE_STATUS = /* GraphQL */ `
  mutation ChangeStatus($id: ID!, $version: Int!, $input: StatusChangeInput!) {
    changeCommitmentStatus(id: $id, expectedVersion: $version, input: $input) {
      __typename
      ... on Commitment { version rag }
      ... on ConflictError { currentVersion }
      ... on MutationError { code message }
    }
  }
`;

/** The schema's own complaints about a document, empty when it is valid. */
export function documentProblems(document: string): string[] {
  return validate(schema, parse(document)).map((error) => error.message);
}

/** Whether the API has the monitoring report query yet (built beside this benchmark). */
export function hasMonitoringReport(): boolean {
  const plan = schema.getType('Plan');
  return plan !== undefined && 'getFields' in plan && 'monitoringReport' in plan.getFields();
}

/** Whether the API has the status mutation yet (it was being built beside this benchmark). */
export function hasStatusMutation(): boolean {
  return schema.getMutationType()?.getFields().changeCommitmentStatus !== undefined;
}

/** A Relay global ID, as the API's `id` fields give them. */
export function globalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`).toString('base64');
}

/** Why a GraphQL response is broken, or undefined when it is a good one. */
export function graphqlProblem(status: number, text: string): string | undefined {
  if (status < 200 || status >= 300) return `HTTP ${status}: ${text.slice(0, 200)}`;
  let body: { data?: unknown; errors?: { message: string }[] };
  try {
    body = JSON.parse(text);
  } catch {
    return `not JSON: ${text.slice(0, 200)}`;
  }
  if (body.errors?.length) return `GraphQL errors: ${body.errors.map((e) => e.message).join('; ')}`;
  const plan = (body.data as { plan?: { monitoringReport?: { __typename: string } } } | undefined)
    ?.plan;
  if (body.data && 'plan' in (body.data as object) && !plan) return 'no such plan';
  const report = plan?.monitoringReport?.__typename;
  if (report && report !== 'MonitoringReport') return `the report answered ${report}`;
  return undefined;
}

/** A commitment the status mutation changes, with what the benchmark last saw of it. */
export interface MutationTarget {
  readonly id: string;
  version: number;
  rag: 'GREEN' | 'AMBER' | 'RED' | null;
}

/** Outcomes of the status mutation, by result type. */
export type MutationOutcomes = Record<string, number>;

/**
 * The next status change: the targets in turn (so concurrent requests rarely touch the same
 * commitment), each with the version last seen, flipping its RAG between green and amber.
 */
export function statusChangeBody(targets: MutationTarget[], turn: number): string {
  const target = targets[turn % targets.length] as MutationTarget;
  return JSON.stringify({
    query: CHANGE_STATUS,
    variables: {
      id: globalId('Commitment', target.id),
      version: target.version,
      input: { rag: target.rag === 'GREEN' ? 'AMBER' : 'GREEN', note: 'benchmark' },
    },
  });
}

/** Reads a status change's response: records the version it reports; returns its outcome. */
export function recordStatusChange(
  targets: MutationTarget[],
  requestBody: string,
  text: string,
): string {
  const sent = JSON.parse(requestBody) as { variables: { id: string } };
  const target = targets.find((t) => globalId('Commitment', t.id) === sent.variables.id);
  let body: {
    data?: {
      changeCommitmentStatus?: {
        __typename: string;
        version?: number;
        rag?: MutationTarget['rag'];
        currentVersion?: number;
      };
    };
    errors?: unknown[];
  };
  try {
    body = JSON.parse(text);
  } catch {
    return 'broken';
  }
  const result = body.data?.changeCommitmentStatus;
  if (body.errors?.length || !result) return 'broken';
  if (target && result.version !== undefined) {
    target.version = result.version;
    target.rag = result.rag ?? null;
  }
  if (target && result.currentVersion !== undefined) target.version = result.currentVersion;
  return result.__typename;
}
