/**
 * Gathers what the domain's open data document needs (`OpenDataInput`): the plan's live state
 * (the figures staff keep current) and each commitment's latest progress note, on itself or on
 * any of its delivery actions, up to the day asked for.
 */
import { type IsoDate, isoDateIn, type OpenDataInput } from '@plan-tracker/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { planState } from '../services/as-at.js';
import { fromDbDate, toDbDate } from '../services/dates.js';
import { ReportRequestError } from './input.js';

/** Which plan's open data to gather. */
export interface OpenDataRequest {
  readonly planSlug: string;
  /** Only find the plan in this organisation (the server passes the one it resolved). */
  readonly organisationId?: string | undefined;
  /** The day the figures are judged at; default today in the UK. */
  readonly asAt?: IsoDate | undefined;
}

/**
 * Builds the input of `buildOpenData` from the live state.
 *
 * @throws ReportRequestError (`PLAN_NOT_FOUND`) when there is no such plan (in the organisation)
 */
export async function loadOpenDataInput(
  prisma: PrismaClient,
  request: OpenDataRequest,
): Promise<OpenDataInput> {
  const asAt = request.asAt ?? isoDateIn(new Date());
  const plan = await prisma.plan.findFirst({
    where: {
      slug: request.planSlug,
      ...(request.organisationId && { organisationId: request.organisationId }),
    },
    orderBy: { createdAt: 'asc' },
    include: { organisation: { select: { name: true } } },
  });
  if (!plan) {
    throw new ReportRequestError('PLAN_NOT_FOUND', `There is no plan "${request.planSlug}".`);
  }
  const [state, notes] = await Promise.all([
    planState(prisma, plan.id),
    prisma.progressUpdate.findMany({
      where: { commitment: { planId: plan.id }, recordedOn: { lte: toDbDate(asAt) } },
      // Newest first: the first note met for a commitment is its latest.
      orderBy: [{ recordedOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
      select: { commitmentId: true, recordedOn: true, narrative: true },
    }),
  ]);
  if (!state) {
    throw new ReportRequestError('PLAN_NOT_FOUND', `There is no plan "${request.planSlug}".`);
  }
  const latest = new Map<string, { recordedOn: IsoDate; narrative: string }>();
  for (const note of notes) {
    if (!latest.has(note.commitmentId)) {
      latest.set(note.commitmentId, {
        recordedOn: fromDbDate(note.recordedOn),
        narrative: note.narrative,
      });
    }
  }
  return {
    organisation: { name: plan.organisation.name },
    plan: {
      slug: plan.slug,
      title: plan.title,
      vision: plan.vision,
      periodStart: fromDbDate(plan.periodStart),
      periodEnd: fromDbDate(plan.periodEnd),
    },
    asAt,
    priorities: state.priorities.map((p) => ({
      number: p.number,
      title: p.title,
      themes: state.themes
        .filter((t) => t.priorityId === p.id)
        .map((t) => ({ id: t.id, title: t.title })),
    })),
    commitments: state.commitments.map((c) => ({
      id: c.id,
      code: c.code,
      themeId: c.themeId,
      crossCuttingSection: c.crossCuttingSection,
      text: c.text,
      // Left out of open data (it may name a person): never read past this point.
      owner: null,
      status: c.status,
      rag: c.rag,
      progressPercent: c.progressPercent,
      dueDate: c.dueDate,
      statusOverrideReason: c.statusOverrideReason,
      latestNote: latest.get(c.id) ?? null,
    })),
    actions: state.actions.map((a) => ({
      id: a.id,
      commitmentId: a.commitmentId,
      title: a.title,
      owner: null,
      status: a.status,
      rag: a.rag,
      progressPercent: a.progressPercent,
      dueDate: a.dueDate,
      archivedAt: a.archivedAt,
    })),
  };
}
