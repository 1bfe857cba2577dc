/**
 * A small, known dataset for the API tests: two organisations, one with a published plan
 * (shaped like the Dorset plan, scaled by `scale`) and one with an unpublished plan, staff of
 * every role, reporting periods, measures, a panel meeting. Everything has predictable names
 * so tests can assert exact values.
 */
import { hashPassword } from '@plan-tracker/accounts';
import type { PrismaClient } from '@plan-tracker/db';
import { addProgressUpdate, type ServiceResult, systemActor } from '@plan-tracker/db';
import { planQuarters } from '@plan-tracker/domain';

export const PASSWORD = 'correct horse battery staple';

const d = (date: string) => new Date(`${date}T00:00:00.000Z`);

async function must<T>(result: Promise<ServiceResult<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`fixture write failed: ${JSON.stringify(settled.error)}`);
  return settled.value;
}

export interface Fixture {
  orgA: string;
  orgB: string;
  planA: string;
  planB: string;
  commitmentIds: string[];
  actionIds: string[];
  secretCommitment: string;
  users: Record<
    'admin' | 'editor' | 'contributor' | 'viewer' | 'adminB',
    { id: string; email: string }
  >;
  counts: { priorities: number; themes: number; commitments: number; actions: number };
}

export async function loadFixture(prisma: PrismaClient, scale = 1): Promise<Fixture> {
  const orgA = await prisma.organisation.create({ data: { slug: 'test-opcc', name: 'Test OPCC' } });
  const orgB = await prisma.organisation.create({
    data: { slug: 'other-opcc', name: 'Other OPCC' },
  });
  const planA = await prisma.plan.create({
    data: {
      organisationId: orgA.id,
      slug: 'test-2021-29',
      title: 'Test Plan 2021–29',
      vision: 'Make the county safest',
      periodStart: d('2021-05-13'),
      periodEnd: d('2029-03-31'),
      published: true,
    },
  });
  const rev2021 = await prisma.planRevision.create({
    data: {
      organisationId: orgA.id,
      planId: planA.id,
      code: '2021',
      title: 'Test Plan 2021–28',
      publishedOn: d('2021-10-29'),
      periodStart: d('2021-05-13'),
      periodEnd: d('2028-03-31'),
    },
  });
  const rev2024 = await prisma.planRevision.create({
    data: {
      organisationId: orgA.id,
      planId: planA.id,
      code: '2024',
      title: 'Test Plan 2021–29',
      publishedOn: d('2024-07-01'),
      periodStart: d('2021-05-13'),
      periodEnd: d('2029-03-31'),
    },
  });
  await prisma.priorityStatement.createMany({
    data: [
      {
        organisationId: orgA.id,
        revisionId: rev2021.id,
        priorityNumber: 1,
        title: 'Cut crime',
        statement: 'We will cut crime.',
      },
      {
        organisationId: orgA.id,
        revisionId: rev2024.id,
        priorityNumber: 1,
        title: 'Cut crime',
        statement: 'We will cut crime further.',
      },
    ],
  });

  await prisma.reportingPeriod.createMany({
    data: planQuarters('2021-05-13', '2029-03-31').map((q) => ({
      organisationId: orgA.id,
      label: q.label,
      financialYear: q.financialYear,
      quarter: q.quarter,
      startDate: d(q.startDate),
      endDate: d(q.endDate),
      closedAt: q.label === '2021/22 Q1' ? new Date('2021-08-01T00:00:00Z') : null,
    })),
  });
  const actor = systemActor(orgA.id, 'Jane Officer');
  const commitmentIds: string[] = [];
  const actionIds: string[] = [];
  let themes = 0;
  for (let p = 1; p <= 2; p += 1) {
    const priority = await prisma.priority.create({
      data: {
        organisationId: orgA.id,
        planId: planA.id,
        number: p,
        title: `Priority ${p}`,
        aims: [`Aim ${p}`],
        outcome: `Outcome ${p}`,
      },
    });
    await prisma.measure.create({
      data: {
        organisationId: orgA.id,
        priorityId: priority.id,
        position: 1,
        name: `Measure ${p}`,
        unit: '%',
        direction: 'HIGHER_IS_BETTER',
        baseline: 50,
        target: 60,
        values: {
          create: [
            {
              organisationId: orgA.id,
              period: '2021/22 Q1',
              value: 51,
              recordedOn: d('2021-07-15'),
            },
            {
              organisationId: orgA.id,
              period: '2023/24 Q1',
              value: 55,
              recordedOn: d('2023-07-15'),
            },
          ],
        },
      },
    });
    for (let t = 1; t <= 2; t += 1) {
      themes += 1;
      const theme = await prisma.theme.create({
        data: {
          organisationId: orgA.id,
          priorityId: priority.id,
          position: t,
          title: `Theme ${p}.${t}`,
        },
      });
      for (let c = 1; c <= 2 * scale; c += 1) {
        // The first commitment of each theme came in 2024; the rest in 2021.
        const introduced = c === 1 ? rev2024 : rev2021;
        const owner = p === 1 && t === 1 ? 'Burglary Team' : 'OPCC Policy Team';
        const commitment = await prisma.commitment.create({
          data: {
            organisationId: orgA.id,
            planId: planA.id,
            themeId: theme.id,
            code: `${p}.${t}.${c}`,
            position: c,
            text: `I will deliver commitment ${p}.${t}.${c}`,
            introducedInRevisionId: introduced.id,
            owner,
            startDate: d('2021-06-01'),
            dueDate: c % 2 === 0 ? d('2022-03-31') : d('2028-03-31'),
            statusOverrideReason: c === 2 ? 'Internal: set by hand after the Q2 review' : null,
          },
        });
        commitmentIds.push(commitment.id);
        // Two updates through the service, so the history "as at" reads replay exists.
        const subject = { type: 'Commitment' as const, id: commitment.id };
        await must(
          addProgressUpdate(prisma, actor, {
            subject,
            expectedVersion: 1,
            input: {
              period: '2021/22 Q2',
              recordedOn: '2021-10-15',
              narrative: `Work began on ${p}.${t}.${c}.`,
              statusAfter: 'IN_PROGRESS',
              ragAfter: 'AMBER',
              progressAfter: 10,
              evidence: [{ title: 'Panel paper', url: 'https://example.org/paper.pdf' }],
            },
          }),
        );
        await must(
          addProgressUpdate(prisma, actor, {
            subject,
            expectedVersion: 2,
            input: {
              period: '2022/23 Q2',
              recordedOn: '2022-08-15',
              narrative: `Good progress on ${p}.${t}.${c}.`,
              ragAfter: c % 3 === 0 ? 'RED' : 'GREEN',
              progressAfter: 40,
            },
          }),
        );
        for (let a = 1; a <= 2; a += 1) {
          const action = await prisma.deliveryAction.create({
            data: {
              organisationId: orgA.id,
              commitmentId: commitment.id,
              title: `Action ${p}.${t}.${c}.${a}`,
              owner,
              status: a === 1 ? 'COMPLETED' : 'IN_PROGRESS',
              rag: 'GREEN',
              startDate: d('2021-06-01'),
              dueDate: a === 1 ? d('2021-12-31') : d('2023-03-31'),
              completedOn: a === 1 ? d('2021-12-01') : null,
              progressPercent: a === 1 ? 100 : 50,
              milestones: {
                create: [
                  {
                    organisationId: orgA.id,
                    title: `Milestone ${p}.${t}.${c}.${a}`,
                    dueDate: d('2022-06-30'),
                  },
                ],
              },
            },
          });
          actionIds.push(action.id);
        }
      }
    }
  }
  await prisma.panelMeeting.create({
    data: {
      organisationId: orgA.id,
      planId: planA.id,
      heldOn: d('2021-11-04'),
      title: 'Panel, November 2021',
      actions: {
        create: [
          {
            organisationId: orgA.id,
            priorityNumber: 1,
            text: 'A deep dive into VAWG',
            status: 'OPEN',
          },
        ],
      },
    },
  });

  const planB = await prisma.plan.create({
    data: {
      organisationId: orgB.id,
      slug: 'secret-plan',
      title: 'Unpublished Plan',
      vision: 'Not yet public',
      periodStart: d('2024-04-01'),
      periodEnd: d('2029-03-31'),
      published: false,
    },
  });
  const revB = await prisma.planRevision.create({
    data: {
      organisationId: orgB.id,
      planId: planB.id,
      code: '2024',
      title: 'Draft',
      publishedOn: d('2024-05-01'),
      periodStart: d('2024-04-01'),
      periodEnd: d('2029-03-31'),
    },
  });
  const secret = await prisma.commitment.create({
    data: {
      organisationId: orgB.id,
      planId: planB.id,
      crossCuttingSection: 'PARTNERS',
      code: 'X.3.1',
      position: 1,
      text: 'I will keep this secret',
      introducedInRevisionId: revB.id,
    },
  });

  const passwordHash = await hashPassword(PASSWORD);
  const user = async (
    organisationId: string,
    email: string,
    name: string,
    role: 'ADMIN' | 'EDITOR' | 'CONTRIBUTOR' | 'VIEWER',
    ownerLabels: string[] = [],
  ) => {
    const row = await prisma.user.create({
      data: { organisationId, email, name, role, ownerLabels, passwordHash },
    });
    return { id: row.id, email };
  };
  const users = {
    admin: await user(orgA.id, 'admin@test.example', 'Ada Admin', 'ADMIN'),
    editor: await user(orgA.id, 'editor@test.example', 'Eddie Editor', 'EDITOR'),
    // Answers for the owner "Burglary Team" (theme 1.1), written in another case on purpose.
    contributor: await user(orgA.id, 'burglary@test.example', 'Carla Contributor', 'CONTRIBUTOR', [
      'burglary team',
    ]),
    viewer: await user(orgA.id, 'viewer@test.example', 'Vic Viewer', 'VIEWER'),
    adminB: await user(orgB.id, 'admin@other.example', 'Bea Admin', 'ADMIN'),
  };
  return {
    orgA: orgA.id,
    orgB: orgB.id,
    planA: planA.id,
    planB: planB.id,
    commitmentIds,
    actionIds,
    secretCommitment: secret.id,
    users,
    counts: { priorities: 2, themes, commitments: commitmentIds.length, actions: actionIds.length },
  };
}
