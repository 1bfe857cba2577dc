/**
 * Loads the Dorset Police & Crime Plan 2021–29 from the domain package into the database through
 * the same path as any plan (the services' `createOrganisation` and `importPlan`): the office,
 * the plan, its two revisions, priorities, themes, the 156 commitments and the cross-cutting
 * ones, measures, the 32 reporting periods, with history; then the seed's own demo data
 * (dorset-delivery.ts): the Panel's meetings and actions, and the demo delivery actions with
 * their dated progress updates.
 *
 * Idempotent: the plan is identified by its organisation and slug, and a plan that is already
 * there is left exactly as it is (staff may have changed it since), so running the seed twice
 * changes nothing.
 */
import {
  dorsetMeasures,
  dorsetOrganisation,
  dorsetPlan,
  dorsetPlanDocument,
  dorsetRevisions,
} from '@plan-tracker/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { systemActor, systemCreator } from '../services/actor.js';
import { toDbDate } from '../services/dates.js';
import { createOrganisation, importPlan } from '../services/plan.js';
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
    const panelMeetings = await seedPanelMeetings(prisma, structure);
    const delivery = await seedDemoDelivery(prisma, structure, onProgress);
    const counts = panelMeetings > 0 ? { panelMeetings, ...delivery } : delivery;
    const finished = Object.values(counts).some((n) => n > 0);
    return {
      created: false,
      organisationId: existing.organisationId,
      planId: existing.id,
      counts: finished ? counts : {},
    };
  }

  onProgress('plan structure');
  const organisationId = await dorsetOrganisationId(prisma);
  const loaded = await importPlan(prisma, systemActor(organisationId, 'seed'), {
    identity: {
      slug: dorsetPlan.slug,
      title: dorsetPlan.title,
      vision: dorsetPlan.vision,
      periodStart: dorsetPlan.periodStart,
      periodEnd: dorsetPlan.periodEnd,
    },
    source: { document: dorsetPlanDocument, name: 'packages/domain/src/dorset/plan-2021-29.json' },
    revisions: dorsetRevisions,
    published: dorsetPlan.published,
    measureDefinitions: (priorityNumber, name) =>
      dorsetMeasures.find((m) => m.priorityNumber === priorityNumber && m.name === name),
  });
  if (!loaded.ok) throw new Error(`The Dorset plan did not load: ${loaded.error.message}`);
  const ids: SeededStructure = {
    organisationId,
    planId: loaded.value.planId,
    commitmentIdByCode: loaded.value.commitmentIdByCode,
  };
  const panelMeetings = await seedPanelMeetings(prisma, ids);
  onProgress('demo delivery data');
  const delivery = await seedDemoDelivery(prisma, ids, onProgress);

  const { summary } = loaded.value;
  const counts = {
    priorities: summary.priorities,
    themes: summary.themes,
    commitments: summary.commitments + summary.crossCuttingCommitments,
    measures: summary.measures,
    reportingPeriods: summary.reportingPeriods.length,
    panelMeetings,
    ...delivery,
  };
  return { created: true, organisationId, planId: ids.planId, counts };
}

/** Ids the delivery seed needs. */
export interface SeededStructure {
  readonly organisationId: string;
  readonly planId: string;
  readonly commitmentIdByCode: ReadonlyMap<string, string>;
}

async function dorsetOrganisationId(prisma: PrismaClient): Promise<string> {
  const organisation = await prisma.organisation.findUnique({
    where: { slug: dorsetOrganisation.slug },
    select: { id: true },
  });
  if (organisation) return organisation.id;
  const created = await createOrganisation(prisma, systemCreator('seed'), dorsetOrganisation);
  if (!created.ok) throw new Error(`The Dorset office was not created: ${created.error.message}`);
  return created.value.id;
}

/**
 * The Panel's meetings and actions from seed 003, unless the plan has them already (an
 * interrupted seed resumes here); returns how many meetings it created.
 */
async function seedPanelMeetings(prisma: PrismaClient, ids: SeededStructure): Promise<number> {
  const { organisationId, planId } = ids;
  if ((await prisma.panelMeeting.count({ where: { planId } })) > 0) return 0;
  await prisma.$transaction(async (tx) => {
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
  });
  return dorsetDemoPanelMeetings.length;
}
