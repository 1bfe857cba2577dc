/**
 * Loads the Dorset Police & Crime Plan 2021–29 from the domain package into the database: the
 * office, the plan, its two revisions, priorities, themes, the 156 commitments and the
 * cross-cutting ones, measures, the 32 reporting periods; then the seed's own demo data
 * (dorset-delivery.ts): the Panel's meetings and actions, and the demo delivery actions with
 * their dated progress updates.
 *
 * Idempotent: the plan is identified by its organisation and slug, and a plan that is already
 * there is left exactly as it is (staff may have changed it since), so running the seed twice
 * changes nothing.
 */
import {
  DORSET_PLAN_PERIOD,
  dorsetMeasures,
  dorsetOrganisation,
  dorsetPlan,
  dorsetPlanDocument,
  dorsetRevisions,
  planQuarters,
} from '@plan-tracker/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { toDbDate } from '../services/dates.js';
import { seedDemoDelivery } from './delivery.js';
import { dorsetDemoPanelMeetings } from './dorset-delivery.js';

/** What a seed run did, for the command line to report. */
export interface SeedResult {
  readonly created: boolean;
  readonly organisationId: string;
  readonly planId: string;
  readonly counts: Readonly<Record<string, number>>;
}

/** Reports progress of a long step: a short label and, where known, done/total. */
export type SeedProgress = (step: string, done?: number, total?: number) => void;

/**
 * Seeds the Dorset plan unless it is already there.
 *
 * @param prisma - a client on a migrated database
 * @param onProgress - told about each step, for a progress display
 */
export async function seedDorset(
  prisma: PrismaClient,
  onProgress: SeedProgress = () => {},
): Promise<SeedResult> {
  const existing = await prisma.plan.findFirst({
    where: { slug: dorsetPlan.slug, organisation: { slug: dorsetOrganisation.slug } },
    select: { id: true, organisationId: true },
  });
  if (existing) {
    // Already seeded: only finish demo delivery data that an interrupted run left out.
    const commitments = await prisma.commitment.findMany({
      where: { planId: existing.id },
      select: { id: true, code: true },
    });
    const structure = {
      ...existing,
      planId: existing.id,
      commitmentIdByCode: new Map(commitments.map((c) => [c.code, c.id])),
    };
    const delivery = await seedDemoDelivery(prisma, structure, onProgress);
    const finished = Object.values(delivery).some((n) => n > 0);
    return {
      created: false,
      organisationId: existing.organisationId,
      planId: existing.id,
      counts: finished ? delivery : {},
    };
  }

  onProgress('plan structure');
  const ids = await prisma.$transaction(
    async (tx) => seedStructure(tx as unknown as PrismaClient),
    { timeout: 120_000 },
  );
  onProgress('demo delivery data');
  const delivery = await seedDemoDelivery(prisma, ids, onProgress);

  const counts = {
    priorities: dorsetPlanDocument.priorities.length,
    themes: dorsetPlanDocument.priorities.reduce((n, p) => n + p.themes.length, 0),
    commitments: ids.commitmentIdByCode.size,
    measures: dorsetMeasures.length,
    reportingPeriods: planQuarters(DORSET_PLAN_PERIOD.start, DORSET_PLAN_PERIOD.end).length,
    panelMeetings: dorsetDemoPanelMeetings.length,
    ...delivery,
  };
  return { created: true, organisationId: ids.organisationId, planId: ids.planId, counts };
}

/** Ids the delivery seed needs. */
export interface SeededStructure {
  readonly organisationId: string;
  readonly planId: string;
  readonly commitmentIdByCode: ReadonlyMap<string, string>;
}

async function seedStructure(tx: PrismaClient): Promise<SeededStructure> {
  const organisation = await tx.organisation.upsert({
    where: { slug: dorsetOrganisation.slug },
    update: {},
    create: { slug: dorsetOrganisation.slug, name: dorsetOrganisation.name },
  });
  const organisationId = organisation.id;
  const plan = await tx.plan.create({
    data: {
      organisationId,
      slug: dorsetPlan.slug,
      title: dorsetPlan.title,
      vision: dorsetPlan.vision,
      periodStart: toDbDate(dorsetPlan.periodStart),
      periodEnd: toDbDate(dorsetPlan.periodEnd),
      published: dorsetPlan.published,
    },
  });
  const planId = plan.id;

  const revisionIdByCode = new Map<string, string>();
  for (const revision of dorsetRevisions) {
    const row = await tx.planRevision.create({
      data: {
        organisationId,
        planId,
        code: revision.code,
        title: revision.title,
        publishedOn: toDbDate(revision.publishedOn),
        periodStart: toDbDate(revision.periodStart),
        periodEnd: toDbDate(revision.periodEnd),
        summary: revision.summary,
        source: revision.source,
      },
    });
    revisionIdByCode.set(revision.code, row.id);
    await tx.priorityStatement.createMany({
      data: revision.priorities.map((p) => ({
        organisationId,
        revisionId: row.id,
        priorityNumber: p.number,
        title: p.title,
        statement: p.statement,
      })),
    });
  }
  // The commitments' text is the 2024 wording; they were introduced by the 2021 launch (see
  // the domain package's dorset/revisions.ts for why).
  const introducedInRevisionId = revisionIdByCode.get('2021');
  if (!introducedInRevisionId) throw new Error('The Dorset revisions have no 2021 launch.');

  const outcomeByPriority = new Map(
    dorsetPlanDocument.measures.map((m) => [m.priorityNumber, m.outcome]),
  );
  const commitments: {
    themeId: string | null;
    crossCuttingSection: (typeof dorsetPlanDocument.crossCutting)[number]['section'] | null;
    code: string;
    position: number;
    text: string;
  }[] = [];
  const priorityIdByNumber = new Map<number, string>();
  for (const priority of dorsetPlanDocument.priorities) {
    const priorityRow = await tx.priority.create({
      data: {
        organisationId,
        planId,
        number: priority.number,
        title: priority.title,
        aims: priority.aims,
        outcome: outcomeByPriority.get(priority.number) ?? null,
      },
    });
    priorityIdByNumber.set(priority.number, priorityRow.id);
    for (const [index, theme] of priority.themes.entries()) {
      const themeRow = await tx.theme.create({
        data: {
          organisationId,
          priorityId: priorityRow.id,
          position: index + 1,
          title: theme.title,
        },
      });
      theme.commitments.forEach((c, position) => {
        commitments.push({
          themeId: themeRow.id,
          crossCuttingSection: null,
          code: c.code,
          position: position + 1,
          text: c.text,
        });
      });
    }
  }
  for (const section of dorsetPlanDocument.crossCutting) {
    section.commitments.forEach((c, position) => {
      commitments.push({
        themeId: null,
        crossCuttingSection: section.section,
        code: c.code,
        position: position + 1,
        text: c.text,
      });
    });
  }
  const created = await tx.commitment.createManyAndReturn({
    data: commitments.map((c) => ({ ...c, organisationId, planId, introducedInRevisionId })),
    select: { id: true, code: true },
  });
  const commitmentIdByCode = new Map(created.map((c) => [c.code, c.id]));

  await tx.measure.createMany({
    data: dorsetMeasures.map((m) => {
      const priorityId = priorityIdByNumber.get(m.priorityNumber);
      if (!priorityId)
        throw new Error(
          `Measure "${m.name}" names priority ${m.priorityNumber}, which the plan lacks.`,
        );
      return {
        organisationId,
        priorityId,
        position: m.position,
        name: m.name,
        unit: m.unit,
        direction: m.direction,
      };
    }),
  });

  await tx.reportingPeriod.createMany({
    data: planQuarters(DORSET_PLAN_PERIOD.start, DORSET_PLAN_PERIOD.end).map((q) => ({
      organisationId,
      label: q.label,
      financialYear: q.financialYear,
      quarter: q.quarter,
      startDate: toDbDate(q.startDate),
      endDate: toDbDate(q.endDate),
    })),
    skipDuplicates: true,
  });

  for (const meeting of dorsetDemoPanelMeetings) {
    await tx.panelMeeting.create({
      data: {
        organisationId,
        planId,
        heldOn: toDbDate(meeting.heldOn),
        title: meeting.title,
        source: meeting.source,
        actions: {
          create: meeting.actions.map((a) => ({
            organisationId,
            priorityNumber: a.priorityNumber,
            text: a.text,
            status: a.status,
          })),
        },
      },
    });
  }
  return { organisationId, planId, commitmentIdByCode };
}
