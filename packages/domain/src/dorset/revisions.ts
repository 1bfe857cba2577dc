/**
 * The two revisions of the Dorset plan and how each worded the six priorities, so that the
 * revisions can be compared. The 2021 wording is the draft put to the Panel on 12 August 2021
 * (seed 000; the 7 July 2021 report, seed 001, has the same statements but for priority 5,
 * which then also named older people). The 2024 wording is the refresh's overview of the
 * priorities (seed 002).
 *
 * The 2021 plan's full text is not among the sources. The refresh describes its changes as
 * "some small alterations" with "new commitments added" on violence against women and girls,
 * so the 156 commitments are recorded as introduced by the 2021 revision, in their 2024 wording.
 */
import { z } from 'zod';
import { IsoDateSchema, PriorityNumberSchema } from '../model/primitives.js';

/** A revision of the plan with the wording it gave each priority. */
export const DorsetRevisionSchema = z.object({
  code: z.string().regex(/^\d{4}$/),
  title: z.string().min(1),
  publishedOn: IsoDateSchema,
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
  summary: z.string().min(1),
  source: z.string().min(1),
  priorities: z
    .array(
      z.object({
        number: PriorityNumberSchema,
        title: z.string().min(1),
        statement: z.string().min(1),
      }),
    )
    .length(6),
});
/** A revision of the Dorset plan. */
export type DorsetRevision = z.infer<typeof DorsetRevisionSchema>;

const revisions: DorsetRevision[] = [
  {
    code: '2021',
    title: 'Police and Crime Plan 2021–28',
    // The PCC committed to publish by the end of October 2021 (seeds 000, 001).
    publishedOn: '2021-10-31',
    periodStart: '2021-05-13',
    periodEnd: '2028-03-31',
    summary:
      'The plan as launched after the 6 May 2021 poll: six priorities from the election manifesto, covering 2021–2028.',
    source: 'Panel reports of 7 July 2021 (seed 001) and 12 August 2021 (seed 000)',
    priorities: [
      {
        number: 1,
        title: 'Cut Crime and ASB',
        statement:
          'The police will robustly prevent and detect crime and tackle the constant grind of ASB – so people across Dorset see a clear difference and feel safer.',
      },
      {
        number: 2,
        title: 'Make Policing More Visible and Connected',
        statement:
          'To increase the number and visibility of police officers in our neighbourhood teams so police again fulfil a prevention role. Contact and connectivity between police and public will be improved.',
      },
      {
        number: 3,
        title: 'Fight Violent Crime and High Harm',
        statement:
          'To tackle organised gangs, be tough on drugs and tackle high harm incidents such as child abuse, domestic abuse, hate crime and modern slavery.',
      },
      {
        number: 4,
        title: 'Fight Rural Crime',
        statement:
          'To significantly increase the rural crime team and their capabilities and to have specific strategies for crimes and issues affecting the rural community.',
      },
      {
        number: 5,
        title: 'Put Victims and Communities First',
        statement:
          'Support all victims – particularly those most vulnerable – and build community strength by working together and addressing needs.',
      },
      {
        number: 6,
        title: 'Make Every Penny Count',
        statement:
          'By resourcing and transforming the frontline and reducing administration, so patrol and response teams can spend more time in communities and making residents feel safer.',
      },
    ],
  },
  {
    code: '2024',
    title: 'Police & Crime Plan 2021–29',
    // Not dated in the text; its workforce figures are as at 31 August 2024.
    publishedOn: '2024-09-30',
    periodStart: '2021-05-13',
    periodEnd: '2029-03-31',
    summary:
      'The refresh after re-election in 2024: the same six priorities with small updates, the plan extended to 2029 and new commitments on violence against women and girls.',
    source: 'Police & Crime Plan 2021–29 (seed 002): overview of the priorities',
    priorities: [
      {
        number: 1,
        title: 'Cut Crime and Anti-Social Behaviour',
        statement:
          "The police will provide a robust focus to cut crime and anti-social behaviour, so people across Dorset see a clear difference and feel safer To tackle the issues that affect the people and communities of Dorset, burglary and acquisitive crime, business crime and shoplifting in order to make our communities 'feel' safer.",
      },
      {
        number: 2,
        title: 'Make Policing More Visible and Connected',
        statement:
          "To ensure that there are greater levels of police visibility and connectivity across the county. To build upon the work of the Neighbourhood Policing Team and ensure that the people and communities of Dorset 'know their police'. To maximise the use of technology to ensure officers' time is spent as productively and efficiently as possible and that people receive a good service from the police",
      },
      {
        number: 3,
        title: 'Fight Violent Crime and High Harm',
        statement:
          'To tackle Violence Against Women and Girls from a multi-agency, partnership perspective. To continue the tough approach on drugs and violent crime, to drive out organised crime groups and to hit hard those involved in county-lines and drug related criminality.',
      },
      {
        number: 4,
        title: 'Fight Rural Crime',
        statement:
          'To maintain the Rural Crime Team and ensure that they continue to work ever-more closely with the rural communities they serve. To tackle issues that blight our countryside, like fly-tipping, wildlife crime and heritage crime as well as build on the successes of the Country Watch scheme, designed to bring rural communities together.',
      },
      {
        number: 5,
        title: 'Put Victims and Communities First',
        statement:
          "To have an embedded 'victim first' philosophy and approach to ensure the best possible outcome for those who need help and support. To work with vulnerable individuals and communities to tackle issues such as fraud, addiction, gambling and homelessness. To provide more support for young people, and build on programmes and initiatives that address prevention, intervention and diversion.",
      },
      {
        number: 6,
        title: 'Make Every Penny Count',
        statement:
          'Raising awareness around issues of police funding, especially around the national funding formula. To maximise efficiency and efficacy in policing, to ensure that the robust oversight of financial, audit and governance arrangements continue.',
      },
    ],
  },
];

/** The 2021 launch and the 2024 refresh, oldest first, validated. */
export const dorsetRevisions: readonly DorsetRevision[] = z
  .array(DorsetRevisionSchema)
  .parse(revisions);
