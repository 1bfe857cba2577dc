/**
 * Filtered, ordered, paginated lists of commitments and delivery actions, for the API's
 * connections. Cursors are opaque and encode a position in the ordered list (offset
 * pagination): simple, valid for any ordering, and fine at a plan's size (hundreds of rows).
 */
import type { IsoDate, LifecycleStatus, Rag } from '@plan-tracker/domain';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { ACTION_CODE_ORDER, COMMITMENT_CODE_ORDER } from './as-at.js';
import { toDbDate } from './dates.js';
import {
  type ActionRecord,
  actionRecord,
  type CommitmentRecord,
  commitmentRecord,
} from './records.js';

/** At most this many rows per page. */
export const MAX_PAGE_SIZE = 100;
/** Rows per page when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;

export interface CommitmentFilter {
  readonly planId?: string | undefined;
  /** Priority number 1–6. */
  readonly priorityNumber?: number | undefined;
  readonly themeId?: string | undefined;
  readonly status?: readonly LifecycleStatus[] | undefined;
  /** RAG ratings; `NONE` is "not yet rated". */
  readonly rag?: readonly (Rag | 'NONE')[] | undefined;
  /** Part of the owner, any case. */
  readonly owner?: string | undefined;
  /** Overdue at this date: due before it and neither completed nor withdrawn. */
  readonly overdueAt?: IsoDate | undefined;
  /** Due on or after `from` and on or before `to`. */
  readonly dueBetween?: { readonly from?: IsoDate | undefined; readonly to?: IsoDate | undefined };
  /** Words in the text or code (commitments), title or description (actions), any case. */
  readonly search?: string | undefined;
  /** In force in this plan revision (id): introduced by then and not withdrawn by then. */
  readonly revisionId?: string | undefined;
}

export interface ActionFilter extends Omit<CommitmentFilter, 'planId' | 'revisionId'> {
  readonly planId?: string | undefined;
  readonly commitmentId?: string | undefined;
  /** Include archived actions (left out by default). */
  readonly includeArchived?: boolean | undefined;
}

export type ListOrderField = 'code' | 'dueDate' | 'status' | 'rag' | 'updatedAt';

export interface ListArgs<F> {
  /** Only rows of this organisation. */
  readonly organisationId: string;
  readonly filter?: F | undefined;
  readonly orderBy?:
    | { readonly field: ListOrderField; readonly direction?: 'asc' | 'desc' | undefined }
    | undefined;
  /** Page size, 1–100; 20 by default. */
  readonly first?: number | undefined;
  /** The `endCursor` of the previous page. */
  readonly after?: string | null | undefined;
}

export interface Page<T> {
  readonly nodes: T[];
  readonly edges: { readonly cursor: string; readonly node: T }[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  /** Rows matching the filter, across all pages. */
  readonly totalCount: number;
}

/** A bad page size or cursor; the API turns it into a validation error. */
export class ListArgumentError extends RangeError {
  readonly code = 'VALIDATION';
  constructor(
    readonly path: string[],
    message: string,
  ) {
    super(message);
  }
}

/** One page of the organisation's commitments. */
export async function listCommitments(
  prisma: PrismaClient,
  args: ListArgs<CommitmentFilter>,
): Promise<Page<CommitmentRecord>> {
  const where = await commitmentWhere(prisma, args.organisationId, args.filter ?? {});
  const { skip, take } = pageWindow(args);
  const [rows, totalCount] = await Promise.all([
    prisma.commitment.findMany({
      where,
      orderBy: orderFor(args.orderBy, COMMITMENT_CODE_ORDER),
      skip,
      take: take + 1,
    }),
    prisma.commitment.count({ where }),
  ]);
  return page(rows.map(commitmentRecord), skip, take, totalCount);
}

/** One page of the organisation's delivery actions. */
export async function listActions(
  prisma: PrismaClient,
  args: ListArgs<ActionFilter>,
): Promise<Page<ActionRecord>> {
  const filter = args.filter ?? {};
  const commitment = await commitmentWhere(prisma, args.organisationId, {
    planId: filter.planId,
    priorityNumber: filter.priorityNumber,
    themeId: filter.themeId,
  });
  const where: Prisma.DeliveryActionWhereInput = {
    organisationId: args.organisationId,
    commitment,
    ...(filter.commitmentId && { commitmentId: filter.commitmentId }),
    ...(!filter.includeArchived && { archivedAt: null }),
    AND: [
      ...figureConditions(filter),
      ...(filter.search
        ? [
            {
              OR: [
                { title: { contains: filter.search, mode: 'insensitive' as const } },
                { description: { contains: filter.search, mode: 'insensitive' as const } },
              ],
            },
          ]
        : []),
    ],
  };
  const { skip, take } = pageWindow(args);
  const [rows, totalCount] = await Promise.all([
    prisma.deliveryAction.findMany({
      where,
      orderBy: orderFor(args.orderBy, ACTION_CODE_ORDER),
      skip,
      take: take + 1,
    }),
    prisma.deliveryAction.count({ where }),
  ]);
  return page(rows.map(actionRecord), skip, take, totalCount);
}

async function commitmentWhere(
  prisma: PrismaClient,
  organisationId: string,
  filter: CommitmentFilter,
): Promise<Prisma.CommitmentWhereInput> {
  const and: Prisma.CommitmentWhereInput[] = [...figureConditions(filter)];
  if (filter.search) {
    and.push({
      OR: [
        { text: { contains: filter.search, mode: 'insensitive' } },
        { code: { contains: filter.search, mode: 'insensitive' } },
      ],
    });
  }
  if (filter.revisionId) {
    const revision = await prisma.planRevision.findFirst({
      where: { id: filter.revisionId, organisationId },
      select: { planId: true, publishedOn: true },
    });
    if (!revision) {
      and.push({ id: { in: [] } });
    } else {
      and.push(
        { planId: revision.planId },
        { introducedInRevision: { publishedOn: { lte: revision.publishedOn } } },
        {
          OR: [
            { withdrawnInRevisionId: null },
            { withdrawnInRevision: { publishedOn: { gt: revision.publishedOn } } },
          ],
        },
      );
    }
  }
  return {
    organisationId,
    ...(filter.planId && { planId: filter.planId }),
    ...(filter.themeId && { themeId: filter.themeId }),
    ...(filter.priorityNumber !== undefined && {
      theme: { priority: { number: filter.priorityNumber } },
    }),
    AND: and,
  };
}

/** Conditions on status, RAG, owner and dates: the same for commitments and actions. */
function figureConditions(filter: CommitmentFilter) {
  const and: {
    status?: { in: LifecycleStatus[] } | { notIn: LifecycleStatus[] };
    OR?: ({ rag: { in: Rag[] } } | { rag: null })[];
    owner?: { contains: string; mode: 'insensitive' };
    dueDate?: { lt?: Date; gte?: Date; lte?: Date };
  }[] = [];
  if (filter.status) and.push({ status: { in: [...filter.status] } });
  if (filter.rag) {
    const rated = filter.rag.filter((r): r is Rag => r !== 'NONE');
    and.push({
      OR: [{ rag: { in: rated } }, ...(filter.rag.includes('NONE') ? [{ rag: null }] : [])],
    });
  }
  if (filter.owner) and.push({ owner: { contains: filter.owner, mode: 'insensitive' } });
  if (filter.overdueAt) {
    and.push(
      { dueDate: { lt: toDbDate(filter.overdueAt) } },
      { status: { notIn: ['COMPLETED', 'WITHDRAWN'] } },
    );
  }
  if (filter.dueBetween?.from) and.push({ dueDate: { gte: toDbDate(filter.dueBetween.from) } });
  if (filter.dueBetween?.to) and.push({ dueDate: { lte: toDbDate(filter.dueBetween.to) } });
  return and;
}

// biome-ignore lint/suspicious/noExplicitAny: one ordering builder serves both models' order types
type OrderBy = any[];

function orderFor(orderBy: ListArgs<unknown>['orderBy'], codeOrder: readonly object[]): OrderBy {
  const direction = orderBy?.direction ?? 'asc';
  switch (orderBy?.field ?? 'code') {
    case 'code':
      return direction === 'asc' ? [...codeOrder] : codeOrder.map(reverse);
    case 'dueDate':
      return [{ dueDate: { sort: direction, nulls: 'last' } }, ...codeOrder];
    case 'status':
      return [{ status: direction }, ...codeOrder];
    case 'rag':
      return [{ rag: { sort: direction, nulls: 'last' } }, ...codeOrder];
    case 'updatedAt':
      return [{ updatedAt: direction }, { id: direction }];
  }
}

/** An order clause with every direction flipped (nulls stay where they were). */
function reverse(clause: object): object {
  return Object.fromEntries(
    Object.entries(clause).map(([key, value]) => {
      if (value === 'asc') return [key, 'desc'];
      if (value === 'desc') return [key, 'asc'];
      if (value && typeof value === 'object' && 'sort' in value) {
        return [key, { ...value, sort: value.sort === 'asc' ? 'desc' : 'asc' }];
      }
      return [key, reverse(value as object)];
    }),
  );
}

function pageWindow(args: ListArgs<unknown>): { skip: number; take: number } {
  const take = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(take) || take < 1 || take > MAX_PAGE_SIZE) {
    throw new ListArgumentError(['first'], `Ask for 1 to ${MAX_PAGE_SIZE} rows at a time.`);
  }
  const skip = args.after ? decodeCursor(args.after) + 1 : 0;
  return { skip, take };
}

function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new ListArgumentError(['after'], 'That cursor is not one this list gave.');
  return Number(match[1]);
}

function page<T>(rows: T[], skip: number, take: number, totalCount: number): Page<T> {
  const nodes = rows.slice(0, take);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(skip + i), node }));
  return {
    nodes,
    edges,
    pageInfo: {
      hasNextPage: rows.length > take,
      hasPreviousPage: skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
