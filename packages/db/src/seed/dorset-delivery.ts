/**
 * Demo delivery data for the Dorset plan, which the seed loads (delivery.ts and dorset.ts):
 * illustrative delivery actions, their milestones and dated progress updates, the Panel's
 * meetings and actions. It belongs to this product's demo, not to the published domain package,
 * which keeps the plan itself, its revisions, measures and office data.
 *
 * Every update is drawn from a published source and says which: the first-100-days report to
 * the Panel (7 July 2021, seed 001), the minutes of the Panel's Q2 2021/22 monitoring item
 * (seed 003) and the 2024 refresh of the plan (seed 002).
 *
 * Actions carry no status of their own: an action starts `NOT_STARTED` with no RAG, and its
 * state at any date is the state after its latest update on or before that date. That keeps
 * this data consistent by construction and lets "as at" reads replay it.
 *
 * Owners and authors are roles and teams, never private individuals.
 */
import {
  CommitmentCodeSchema,
  IsoDateSchema,
  LifecycleStatusSchema,
  PanelActionStatusSchema,
  PercentSchema,
  PeriodLabelSchema,
  PriorityNumberSchema,
  periodFromLabel,
  RagSchema,
} from '@plan-tracker/domain';
import { z } from 'zod';

/** Where a demo update comes from. */
export const DEMO_SOURCES = {
  FIRST_100_DAYS: {
    title: 'Police and Crime Panel, 7 July 2021: Police and Crime Plan and first 100 days update',
    url: 'https://www.dorset.pcc.police.uk/',
  },
  Q2_2021_22_MINUTES: {
    title: 'Police and Crime Panel minutes: Q2 2021/22 monitoring report',
    url: 'https://www.dorset.pcc.police.uk/',
  },
  PLAN_REFRESH_2024: {
    title: 'Police & Crime Plan 2021–29 (2024 refresh), foreword and Chief Constable message',
    url: 'https://www.dorset.pcc.police.uk/',
  },
} as const;

/** The key of one of {@link DEMO_SOURCES}. */
export type DemoSource = keyof typeof DEMO_SOURCES;

/** A dated progress update on a demo action, with the state it leaves the action in. */
export const DemoUpdateSchema = z
  .object({
    period: PeriodLabelSchema,
    recordedOn: IsoDateSchema,
    author: z.string().min(1),
    statusAfter: LifecycleStatusSchema,
    ragAfter: RagSchema,
    progressAfter: PercentSchema,
    narrative: z.string().min(1),
    source: z.enum(['FIRST_100_DAYS', 'Q2_2021_22_MINUTES', 'PLAN_REFRESH_2024']),
  })
  .superRefine((update, ctx) => {
    const period = periodFromLabel(update.period);
    if (update.recordedOn < period.startDate || update.recordedOn > period.endDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['recordedOn'],
        message: `${update.recordedOn} is not in ${update.period} (${period.startDate} to ${period.endDate}).`,
      });
    }
  });
/** A demo progress update. */
export type DemoUpdate = z.infer<typeof DemoUpdateSchema>;

/** A demo delivery action under a commitment of the Dorset plan. */
export const DemoActionSchema = z.object({
  ref: z.string().regex(/^A\d{2}$/),
  commitmentCode: CommitmentCodeSchema,
  title: z.string().min(1),
  owner: z.string().min(1),
  startDate: IsoDateSchema,
  dueDate: IsoDateSchema.nullable(),
  milestones: z.array(
    z.object({
      title: z.string().min(1),
      dueDate: IsoDateSchema,
      completedOn: IsoDateSchema.nullable(),
    }),
  ),
  updates: z.array(DemoUpdateSchema),
});
/** A demo delivery action. */
export type DemoAction = z.infer<typeof DemoActionSchema>;

/** A Panel meeting with the actions it raised. */
export const DemoPanelMeetingSchema = z.object({
  heldOn: IsoDateSchema,
  title: z.string().min(1),
  source: z.string().min(1),
  actions: z.array(
    z.object({
      priorityNumber: PriorityNumberSchema.nullable(),
      text: z.string().min(1),
      status: PanelActionStatusSchema,
    }),
  ),
});
/** A demo Panel meeting. */
export type DemoPanelMeeting = z.infer<typeof DemoPanelMeetingSchema>;

const OPCC_PERFORMANCE = 'OPCC Performance and Scrutiny';

/** The first-100-days report, written about six weeks into the term. */
const Q1 = {
  period: '2021/22 Q1',
  recordedOn: '2021-06-21',
  author: OPCC_PERFORMANCE,
  source: 'FIRST_100_DAYS',
} as const;
/** The Q2 2021/22 monitoring report, data as at the end of September 2021. */
const Q2 = {
  period: '2021/22 Q2',
  recordedOn: '2021-09-30',
  author: OPCC_PERFORMANCE,
  source: 'Q2_2021_22_MINUTES',
} as const;
/** The 2024 refresh of the plan (workforce figures as at 31 August 2024). */
const R24 = {
  period: '2024/25 Q2',
  recordedOn: '2024-09-30',
  author: 'OPCC Policy and Commissioning',
  source: 'PLAN_REFRESH_2024',
} as const;

const demoActions: DemoAction[] = [
  // Priority 1: Cut crime and anti-social behaviour
  {
    ref: 'A01',
    commitmentCode: '1.1.8',
    title: 'Launch Operation Relentless against anti-social behaviour',
    owner: 'Dorset Police Neighbourhood Policing',
    startDate: '2021-07-01',
    dueDate: null,
    milestones: [
      { title: 'Operation Relentless launched', dueDate: '2021-09-30', completedOn: '2021-09-30' },
    ],
    updates: [
      {
        ...Q2,
        statusAfter: 'ONGOING',
        ragAfter: 'GREEN',
        progressAfter: 40,
        narrative:
          'The PCC supported Dorset Police in launching Operation Relentless together with the Operation Relentless community fund. The Panel welcomed the downward ASB trend but was concerned that problems were being moved around rather than tackled at source.',
      },
      {
        ...R24,
        statusAfter: 'ONGOING',
        ragAfter: 'GREEN',
        progressAfter: 70,
        narrative:
          'Anti-social behaviour across the county reduced by 14% over the past year; Operation Relentless continues.',
      },
    ],
  },
  {
    ref: 'A02',
    commitmentCode: '1.1.7',
    title: 'Run the Operation Relentless Community Fund',
    owner: 'OPCC Policy and Commissioning',
    startDate: '2021-07-01',
    dueDate: '2022-03-31',
    milestones: [
      { title: 'First grants awarded', dueDate: '2021-09-30', completedOn: '2021-09-30' },
      {
        title: 'Feedback on funded initiatives to the Panel',
        dueDate: '2022-03-31',
        completedOn: null,
      },
    ],
    updates: [
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 25,
        narrative:
          'Community fund launched alongside Operation Relentless. It was expected to take six months before feedback on the funded initiatives could be presented to the Panel.',
      },
      {
        ...R24,
        statusAfter: 'ONGOING',
        ragAfter: 'GREEN',
        progressAfter: 60,
        narrative:
          'The latest round of the Operation Relentless Community Fund was launched to empower communities to help address anti-social behaviour where they live.',
      },
    ],
  },
  {
    ref: 'A03',
    commitmentCode: '1.1.2',
    title: 'Joined-up focus with partners on hotspot areas',
    owner: 'OPCC Director of Operations',
    startDate: '2021-05-13',
    dueDate: '2022-03-31',
    milestones: [
      {
        title: 'Visit priority areas in Poole, Bournemouth and Weymouth',
        dueDate: '2021-06-30',
        completedOn: null,
      },
    ],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 20,
        narrative:
          'Regular meetings with council leaders, chief executives and community safety personnel on hotspot areas. Priority areas in Poole and Bournemouth visited with neighbourhood teams and councillors; Weymouth due by the end of June.',
      },
    ],
  },
  {
    ref: 'A04',
    commitmentCode: '1.4.1',
    title: 'Support the summer drink and drug drive campaign',
    owner: 'Dorset Police Roads Policing',
    startDate: '2021-06-01',
    dueDate: '2021-09-30',
    milestones: [],
    updates: [
      {
        ...Q2,
        statusAfter: 'COMPLETED',
        ragAfter: 'GREEN',
        progressAfter: 100,
        narrative:
          "The PCC attended a proactive patrol as part of the Force's summer drink drive campaign.",
      },
    ],
  },
  {
    ref: 'A05',
    commitmentCode: '1.4.6',
    title: 'Tackle illegal and unsafe e-scooter use',
    owner: 'Dorset Police Roads Policing',
    startDate: '2021-05-13',
    dueDate: '2022-03-31',
    milestones: [
      { title: 'E-scooter day of action', dueDate: '2021-06-30', completedOn: '2021-06-15' },
    ],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 30,
        narrative:
          "The PCC highlighted the risks of increased e-scooter use and supported the Force's recent day of action.",
      },
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 50,
        narrative:
          'The PCC supported the action taken by Dorset Police against illegal and unsafe e-scooter use.',
      },
    ],
  },
  {
    ref: 'A06',
    commitmentCode: '1.2.7',
    title: 'Designated pet theft leads in every local policing area',
    owner: 'Dorset Police Neighbourhood Policing',
    startDate: '2021-05-13',
    dueDate: '2021-12-31',
    milestones: [],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 30,
        narrative:
          'Having lobbied as a candidate for the national Pet Theft Taskforce, the PCC issued a blog and video in early June to raise awareness and give assurance.',
      },
      {
        ...Q2,
        statusAfter: 'COMPLETED',
        ragAfter: 'GREEN',
        progressAfter: 100,
        narrative:
          'Dorset Police put designated leads in place for each local policing area to enhance responses to pet theft.',
      },
    ],
  },
  {
    ref: 'A07',
    commitmentCode: '1.2.2',
    title: 'Catalytic converter theft prevention advice',
    owner: 'OPCC Communications and Engagement',
    startDate: '2021-05-13',
    dueDate: '2021-12-31',
    milestones: [],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 50,
        narrative:
          'The PCC used his public platform to draw attention to the increase in catalytic converter thefts and to share crime prevention advice.',
      },
    ],
  },
  {
    ref: 'A08',
    commitmentCode: '1.5.1',
    title: 'Business Crime Roundtable',
    owner: 'OPCC Policy and Commissioning',
    startDate: '2021-05-13',
    dueDate: '2021-12-31',
    milestones: [
      { title: 'Roundtable held with business leads', dueDate: '2021-11-30', completedOn: null },
    ],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 10,
        narrative:
          "Regular interaction with the county's business community; meetings planned to understand how the Force's approach to retail crime and cyber-crime might be improved.",
      },
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 40,
        narrative:
          'Preparations made for a Business Crime Roundtable with a variety of business leads. The PCC met Dorset Business Improvement Districts and business and retail representatives to inform them of the plan.',
      },
    ],
  },
  // Priority 2: Make policing more visible and connected
  {
    ref: 'A09',
    commitmentCode: '2.1.1',
    title: 'Maximise the police uplift into community policing',
    owner: 'Dorset Police Chief Officer Group',
    startDate: '2021-05-13',
    dueDate: '2023-03-31',
    milestones: [],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 25,
        narrative:
          'Working with Chief Officers on the maximisation of uplift to community policing; detailed briefings received on recruitment and training, and additional investment in the frontline secured.',
      },
    ],
  },
  {
    ref: 'A10',
    commitmentCode: '2.2.1',
    title: 'Relaunch the Neighbourhood Engagement Commitments',
    owner: 'Dorset Police Neighbourhood Policing',
    startDate: '2021-07-01',
    dueDate: '2021-09-30',
    milestones: [
      {
        title: 'Key Community Contacts database revised',
        dueDate: '2021-09-30',
        completedOn: '2021-09-30',
      },
    ],
    updates: [
      {
        ...Q2,
        statusAfter: 'COMPLETED',
        ragAfter: 'GREEN',
        progressAfter: 100,
        narrative:
          'Neighbourhood Engagement Commitments relaunched by Dorset Police, making use of a revised Key Community Contacts database.',
      },
    ],
  },
  {
    ref: 'A11',
    commitmentCode: '2.3.3',
    title: 'Join the Single Online Home platform',
    owner: 'Dorset Police Contact Management',
    startDate: '2021-07-01',
    dueDate: '2023-03-31',
    milestones: [{ title: 'Decision to join', dueDate: '2021-09-30', completedOn: '2021-09-30' }],
    updates: [
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 20,
        narrative:
          'Agreed that Dorset Police will join the Single Online Home web platform, adopted by the majority of forces in England and Wales.',
      },
      {
        ...R24,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 80,
        narrative:
          'More streamlined reporting forms introduced on the Force website, making it easier for the public to contact the police.',
      },
    ],
  },
  {
    ref: 'A12',
    commitmentCode: '2.2.6',
    title: 'Increase special constable recruitment',
    owner: 'Dorset Police Citizens in Policing Team',
    startDate: '2021-05-13',
    dueDate: '2022-12-31',
    milestones: [],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'AMBER',
        progressAfter: 10,
        narrative:
          'The PCC hopes the Force will soon announce an increase in special constable recruitment.',
      },
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'AMBER',
        progressAfter: 20,
        narrative:
          'The Panel asked how Special Constables would be maintained and motivated in quieter and rural areas.',
      },
    ],
  },
  {
    ref: 'A13',
    commitmentCode: '2.2.7',
    title: 'Strengthen Neighbourhood Watch schemes',
    owner: 'OPCC Communications and Engagement',
    startDate: '2021-05-13',
    dueDate: '2022-09-30',
    milestones: [
      { title: 'Community safety booklet produced', dueDate: '2021-12-31', completedOn: null },
    ],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 10,
        narrative:
          "The PCC will meet key figures in the county's Watch schemes to understand what support they need and how schemes can be strengthened.",
      },
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 35,
        narrative:
          'In August the PCC awarded a grant to the Association of Dorset Watches to help produce and distribute a community safety booklet; the Panel asked how Watch teams could help people without digital access.',
      },
    ],
  },
  // Priority 3: Fight violent crime and high harm
  {
    ref: 'A14',
    commitmentCode: '3.5.7',
    title: 'Fund an Independent Stalking Advocacy Caseworker',
    owner: 'OPCC Policy and Commissioning',
    startDate: '2021-06-01',
    dueDate: '2023-05-31',
    milestones: [
      {
        title: 'Two-year funding agreed with You First',
        dueDate: '2021-06-30',
        completedOn: '2021-06-21',
      },
    ],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 20,
        narrative:
          'Agreed to fund You First to provide an Independent Stalking Advocacy Caseworker for the next two years, supporting case conferences that bring key information and partners together.',
      },
    ],
  },
  {
    ref: 'A15',
    commitmentCode: '3.5.5',
    title: 'Assurance on protection orders and Vulnerability Lawyers',
    owner: OPCC_PERFORMANCE,
    startDate: '2021-06-01',
    dueDate: null,
    milestones: [],
    updates: [
      {
        ...Q1,
        statusAfter: 'ONGOING',
        ragAfter: 'GREEN',
        progressAfter: 50,
        narrative:
          'Assurances sought that the Force will continue to support Vulnerability Lawyers, who use powers such as Stalking Prevention Orders, and prioritise domestic violence and sexual harm protection orders.',
      },
    ],
  },
  {
    ref: 'A16',
    commitmentCode: '3.3.1',
    title: 'Safer Streets Fund bid and scrutiny of the VAWG response',
    owner: 'OPCC Policy and Commissioning',
    startDate: '2021-06-01',
    dueDate: '2022-03-31',
    milestones: [
      {
        title: 'Safer Streets Fund round 3 bid submitted',
        dueDate: '2021-07-31',
        completedOn: null,
      },
    ],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 20,
        narrative:
          "Preparing bids with the Force and local authorities to national funds such as the third round of the Safer Streets Fund; scrutinising the Force's response to violence against women and girls as COVID-19 restrictions lift.",
      },
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'AMBER',
        progressAfter: 35,
        narrative:
          'The PCC outlined his plans to reduce violence against women and girls. The Panel added a deep dive into VAWG to its forward workplan.',
      },
    ],
  },
  {
    ref: 'A17',
    commitmentCode: '3.1.7',
    title: 'Co-lead the APCC Addiction and Substance Misuse portfolio',
    owner: 'Office of the Police and Crime Commissioner',
    startDate: '2021-06-01',
    dueDate: null,
    milestones: [],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 10,
        narrative:
          'The PCC will jointly lead the Association of PCCs portfolio on alcohol and substance misuse and will seek assurance that the Force approach to county lines and drug dealing is robust.',
      },
      {
        ...Q2,
        statusAfter: 'ONGOING',
        ragAfter: 'GREEN',
        progressAfter: 30,
        narrative:
          'National work continued with a focus on awareness of harmful gambling, effective rehabilitation and education on the harms of recreational drugs.',
      },
    ],
  },
  {
    ref: 'A18',
    commitmentCode: '3.1.4',
    title: 'Make drug dealing a South West regional priority',
    owner: 'South West PCCs (regional collaboration)',
    startDate: '2021-06-01',
    dueDate: '2021-12-31',
    milestones: [],
    updates: [
      {
        ...Q2,
        statusAfter: 'COMPLETED',
        ragAfter: 'GREEN',
        progressAfter: 100,
        narrative: 'Drug dealing agreed as a regional priority by all South West PCCs.',
      },
    ],
  },
  {
    ref: 'A19',
    commitmentCode: '3.6.4',
    title: 'Embed Operation Encompass in schools and nurseries',
    owner: 'OPCC Policy and Commissioning',
    startDate: '2021-05-13',
    dueDate: '2023-03-31',
    milestones: [
      {
        title: 'Safeguarding information shared with schools',
        dueDate: '2021-09-30',
        completedOn: '2021-09-30',
      },
      { title: 'Roll-out to nurseries', dueDate: '2022-09-30', completedOn: null },
    ],
    updates: [
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 60,
        narrative:
          'Operation Encompass, funded by the OPCC, has shared safeguarding information with more than 300 schools; roll-out to nurseries being considered.',
      },
    ],
  },
  {
    ref: 'A20',
    commitmentCode: '3.6.2',
    title: 'Hold the Force to account for the HMICFRS child protection recommendations',
    owner: OPCC_PERFORMANCE,
    startDate: '2021-09-01',
    dueDate: '2022-09-30',
    milestones: [],
    updates: [
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 10,
        narrative:
          'The PCC welcomed the HMICFRS child protection report and will hold the Force to account for enacting its recommendations.',
      },
    ],
  },
  {
    ref: 'A21',
    commitmentCode: '3.2.7',
    title: 'Reduce knife crime with partners',
    owner: 'Dorset Police Serious Violence Team',
    startDate: '2021-05-13',
    dueDate: null,
    milestones: [],
    updates: [
      {
        ...Q2,
        statusAfter: 'ONGOING',
        ragAfter: 'AMBER',
        progressAfter: 30,
        narrative:
          'Work is still being undertaken to reduce knife crime, although Dorset remains a relatively safe county.',
      },
    ],
  },
  {
    ref: 'A22',
    commitmentCode: '3.7.1',
    title: 'Report on modern slavery after the Nationality and Borders Bill',
    owner: 'Dorset Anti-Slavery Partnership',
    startDate: '2021-09-01',
    dueDate: null,
    milestones: [],
    updates: [
      {
        ...Q2,
        statusAfter: 'ONGOING',
        ragAfter: 'AMBER',
        progressAfter: 10,
        narrative:
          'The Panel requested ongoing updates, as the Nationality and Borders Bill could increase the problem of modern slavery.',
      },
    ],
  },
  {
    ref: 'A23',
    commitmentCode: '3.1.2',
    title: 'Disrupt county lines and street drug dealing',
    owner: 'Dorset Police Serious and Organised Crime',
    startDate: '2021-05-13',
    dueDate: null,
    milestones: [],
    updates: [
      {
        ...R24,
        statusAfter: 'ONGOING',
        ragAfter: 'GREEN',
        progressAfter: 60,
        narrative:
          'Numerous county lines shut down, and work started to address the street drug dealing that brings harm to communities.',
      },
    ],
  },
  // Priority 4: Fight rural crime
  {
    ref: 'A24',
    commitmentCode: '4.1.1',
    title: 'Double the Rural Crime Team',
    owner: 'Dorset Police Rural Crime Team',
    startDate: '2021-05-13',
    dueDate: '2022-03-31',
    milestones: [
      { title: 'Doubling of the team funded', dueDate: '2021-06-30', completedOn: '2021-06-21' },
    ],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 50,
        narrative:
          'The PCC secured a doubling of the rural crime team, with a further commitment to strengthen it in the coming years.',
      },
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 60,
        narrative:
          'Ambition announced to initially double the size of the Rural Crime Team and to significantly increase it further in the coming months and years.',
      },
    ],
  },
  {
    ref: 'A25',
    commitmentCode: '4.1.3',
    title: 'Introduce rural special constables and volunteers',
    owner: 'Dorset Police Citizens in Policing Team',
    startDate: '2021-06-01',
    dueDate: '2024-09-30',
    milestones: [
      {
        title: 'Rural Mounted Volunteers scheme launched',
        dueDate: '2024-09-30',
        completedOn: '2024-09-30',
      },
    ],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'AMBER',
        progressAfter: 10,
        narrative:
          "Rural specials are being explored by the Force's Citizens in Policing Team to assist the rural crime team.",
      },
      {
        ...R24,
        statusAfter: 'COMPLETED',
        ragAfter: 'GREEN',
        progressAfter: 100,
        narrative: 'A Rural Mounted Volunteers scheme has been launched.',
      },
    ],
  },
  {
    ref: 'A26',
    commitmentCode: '4.2.1',
    title: 'Set up Country Watch with rural partners',
    owner: 'OPCC Policy and Commissioning',
    startDate: '2021-06-01',
    dueDate: '2022-06-30',
    milestones: [
      { title: 'Rural Crime Roundtable held', dueDate: '2021-12-31', completedOn: null },
    ],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 10,
        narrative:
          "A series of roundtables planned with key rural partners and agencies to scope the PCC's Country Watch initiative.",
      },
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'AMBER',
        progressAfter: 25,
        narrative:
          'Country Watch in development and preparations made for a Rural Crime Roundtable; a new area with a lot of work still in progress.',
      },
    ],
  },
  {
    ref: 'A27',
    commitmentCode: '4.1.2',
    title: 'Agree rural crime indicators with the Force',
    owner: OPCC_PERFORMANCE,
    startDate: '2021-09-01',
    dueDate: '2022-03-31',
    milestones: [],
    updates: [
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'AMBER',
        progressAfter: 20,
        narrative:
          'Work in progress with the Force to obtain more key indicators; the Panel questioned the definitions of rural crime.',
      },
    ],
  },
  // Priority 5: Put victims and communities first
  {
    ref: 'A28',
    commitmentCode: '5.4.3',
    title: 'Hate Crime Awareness course with Prejudice Free Dorset',
    owner: 'OPCC Policy and Commissioning',
    startDate: '2021-07-01',
    dueDate: '2022-06-30',
    milestones: [],
    updates: [
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 40,
        narrative:
          'A Hate Crime Awareness course is being developed in conjunction with Prejudice Free Dorset.',
      },
    ],
  },
  {
    ref: 'A29',
    commitmentCode: '5.4.1',
    title: 'Hold a Hate Crime Conference in 2022',
    owner: 'OPCC Communications and Engagement',
    startDate: '2021-09-01',
    dueDate: '2022-12-31',
    milestones: [{ title: 'Conference held', dueDate: '2022-12-31', completedOn: null }],
    updates: [
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 10,
        narrative: 'Plans for a Hate Crime Conference in 2022 are being discussed.',
      },
    ],
  },
  {
    ref: 'A30',
    commitmentCode: '5.5.6',
    title: 'Expand the Police Cadet scheme to Poole and Weymouth',
    owner: 'Dorset Police Citizens in Policing Team',
    startDate: '2021-06-01',
    dueDate: '2022-09-30',
    milestones: [
      { title: 'Cadet unit in Poole', dueDate: '2022-03-31', completedOn: null },
      { title: 'Cadet unit in Weymouth', dueDate: '2022-09-30', completedOn: null },
    ],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'AMBER',
        progressAfter: 10,
        narrative:
          'The PCC urged the Force to bring forward its plans so that cadet units are soon established in Poole and Weymouth.',
      },
    ],
  },
  {
    ref: 'A31',
    commitmentCode: '5.5.3',
    title: "Implement the Force's review of school education and support",
    owner: 'Dorset Police Prevention Team',
    startDate: '2021-06-01',
    dueDate: '2022-07-31',
    milestones: [
      {
        title: 'Partners brought together on next steps',
        dueDate: '2021-07-07',
        completedOn: '2021-07-07',
      },
    ],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 20,
        narrative:
          "Briefed on Dorset Police's review of school education and support; working with the Chief Constable to implement the findings, with key partners meeting on next steps.",
      },
    ],
  },
  {
    ref: 'A32',
    commitmentCode: '5.1.1',
    title: 'Review commissioned victim services',
    owner: 'OPCC Policy and Commissioning',
    startDate: '2021-05-13',
    dueDate: null,
    milestones: [],
    updates: [
      {
        ...Q2,
        statusAfter: 'ONGOING',
        ragAfter: 'GREEN',
        progressAfter: 30,
        narrative:
          "The OPCC Director of Operations briefed the Panel on the PCC's commissioning budget.",
      },
    ],
  },
  // Priority 6: Make every penny count
  {
    ref: 'A33',
    commitmentCode: '6.2.1',
    title: 'Review the joint OPCC and Force governance arrangements',
    owner: 'OPCC Chief Executive',
    startDate: '2021-05-13',
    dueDate: '2022-03-31',
    milestones: [
      { title: 'Chief Constable appointed', dueDate: '2021-09-30', completedOn: '2021-08-31' },
    ],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 20,
        narrative:
          'The PCC is reviewing the joint governance arrangements and will discuss them with the new Chief Constable once appointed.',
      },
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 40,
        narrative:
          'In August the new Chief Constable was confirmed following a meeting of the Police and Crime Panel.',
      },
    ],
  },
  {
    ref: 'A34',
    commitmentCode: '6.2.2',
    title: 'Quarterly assurance on finance and audit arrangements',
    owner: 'OPCC Chief Finance Officer',
    startDate: '2021-05-13',
    dueDate: null,
    milestones: [],
    updates: [
      {
        ...Q1,
        statusAfter: 'ONGOING',
        ragAfter: 'GREEN',
        progressAfter: 50,
        narrative:
          'Briefed on the existing OPCC and Force financial and audit arrangements; the PCC is assured they are fit for purpose.',
      },
      {
        ...Q2,
        statusAfter: 'ONGOING',
        ragAfter: 'AMBER',
        progressAfter: 50,
        narrative:
          'Q2 finance presented as at the end of September: extra costs from the G7 summit and COP26, IT contracts, fuel and energy; revenue general reserves remain within the required 3–5%.',
      },
    ],
  },
  {
    ref: 'A35',
    commitmentCode: '6.2.6',
    title: 'Use HMICFRS inspections and value for money profiles as a benchmark',
    owner: OPCC_PERFORMANCE,
    startDate: '2021-05-13',
    dueDate: '2022-09-30',
    milestones: [],
    updates: [
      {
        ...Q1,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 10,
        narrative:
          "The PCC will consider HMICFRS value for money profiles and is due to be briefed ahead of this autumn's inspections.",
      },
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 30,
        narrative:
          "Briefing received on next year's HMICFRS inspection activity, giving the Force a benchmark to work towards.",
      },
    ],
  },
  {
    ref: 'A36',
    commitmentCode: '6.1.3',
    title: 'Value for money case for a new Police headquarters',
    owner: 'OPCC Chief Finance Officer',
    startDate: '2021-09-01',
    dueDate: '2022-12-31',
    milestones: [
      { title: 'Panel deep dive on the headquarters', dueDate: '2022-03-31', completedOn: null },
    ],
    updates: [
      {
        ...Q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'AMBER',
        progressAfter: 10,
        narrative:
          'The Panel asked for timelines for the new Police HQ and how the capital project would be explained to taxpayers; a deep dive on value for money and the suitability of Winfrith was added to the forward workplan.',
      },
    ],
  },
];

const demoPanelMeetings: DemoPanelMeeting[] = [
  {
    heldOn: '2021-07-07',
    title: 'Police and Crime Panel: Police and Crime Plan and first 100 days update',
    source: 'Seed 001: report to the Panel of 7 July 2021',
    actions: [],
  },
  {
    heldOn: '2021-08-12',
    title: 'Police and Crime Panel: Police and Crime Plan update (draft plan)',
    source: 'Seed 000: report to the Panel of 12 August 2021',
    actions: [],
  },
  {
    // The minutes do not give the meeting's date; the Q2 report is taken at the next meeting
    // after the quarter closes, recorded here as 4 November 2021.
    heldOn: '2021-11-04',
    title: 'Police and Crime Panel: Q2 2021/22 monitoring report',
    source: 'Seed 003: minutes of the Q2 2021/22 monitoring item',
    actions: [
      {
        priorityNumber: 3,
        text: 'An item to be added to the forward workplan for a deep dive into the issue of VAWG.',
        status: 'OPEN',
      },
      {
        priorityNumber: 5,
        text: 'Programme a deep dive into the whole spectrum of toxic masculinity and misogyny on the forward plan.',
        status: 'OPEN',
      },
      {
        priorityNumber: 6,
        text: 'Item to be put on forward workplan for a deep dive to ensure the Dorset tax payer gets value for money and research the suitability of having HQ at Winfrith.',
        status: 'OPEN',
      },
    ],
  },
];

/** Demo delivery actions under 36 commitments across all six priorities, validated. */
export const dorsetDemoActions: readonly DemoAction[] = z
  .array(DemoActionSchema)
  .parse(demoActions);

/** The Panel meetings of the demo data and the actions they raised, validated. */
export const dorsetDemoPanelMeetings: readonly DemoPanelMeeting[] = z
  .array(DemoPanelMeetingSchema)
  .parse(demoPanelMeetings);
