/**
 * What loading a plan creates, worked out from its {@link PlanDocument} before anything is
 * written: the rows in a flat, ordered form the database layer inserts as they are, and the
 * summary a preview shows. The identity a person gives the plan (slug, title, period, the
 * first revision) is checked here too, so every door refuses the same input the same way.
 */
import { z } from 'zod';
import type { PlanDocument } from '../importer/schema.js';
import { type IsoDate, IsoDateSchema, SlugSchema } from '../model/primitives.js';
import type { CrossCuttingSection, MeasureDirection } from '../model/vocabulary.js';
import { planQuarters } from '../timeline/plan.js';

/** How a plan is named and dated when it is loaded. */
export const PlanIdentitySchema = z
  .strictObject({
    slug: SlugSchema,
    title: z
      .string()
      .trim()
      .min(1, 'Give the plan a title.')
      .max(200, 'Use 200 characters or fewer.'),
    /** The plan's one-line vision; empty when the plan has none. */
    vision: z.string().trim().max(1000, 'Use 1000 characters or fewer.').default(''),
    periodStart: IsoDateSchema,
    periodEnd: IsoDateSchema,
    /** The code of the revision this text is, e.g. `2025`; the period's first year when omitted. */
    revisionCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$/, 'Use a short code such as 2025 or 2025-refresh.')
      .optional(),
    /** When this text was published; the period's first day when omitted. */
    publishedOn: IsoDateSchema.optional(),
  })
  .refine((plan) => plan.periodEnd > plan.periodStart, {
    path: ['periodEnd'],
    message: 'The plan must end after it starts.',
  })
  .refine(
    (plan) =>
      plan.periodStart >= '2000-01-01' &&
      plan.periodEnd <= '2100-12-31' &&
      plan.periodEnd.slice(0, 4) < String(Number(plan.periodStart.slice(0, 4)) + 21),
    { path: ['periodEnd'], message: 'A plan covers at most 20 years, between 2000 and 2100.' },
  );
/** How a plan is named and dated, as given. */
export type PlanIdentityInput = z.input<typeof PlanIdentitySchema>;
/** How a plan is named and dated, checked. */
export type PlanIdentity = z.output<typeof PlanIdentitySchema>;

/** One priority to create. */
export interface PriorityRow {
  readonly number: number;
  readonly title: string;
  readonly aims: readonly string[];
  /** The outcome its measures row names, if the plan has one. */
  readonly outcome: string | null;
}

/** One theme to create, under its priority. */
export interface ThemeRow {
  readonly priorityNumber: number;
  readonly position: number;
  readonly title: string;
}

/** One commitment to create: under a theme, or in a cross-cutting section. */
export interface CommitmentRow {
  readonly code: string;
  /** The priority and theme position; both null when cross-cutting. */
  readonly priorityNumber: number | null;
  readonly themePosition: number | null;
  readonly crossCuttingSection: CrossCuttingSection | null;
  readonly position: number;
  readonly text: string;
}

/** One measure to create, under its priority. */
export interface MeasureRow {
  readonly priorityNumber: number;
  readonly position: number;
  readonly name: string;
  readonly unit: string | null;
  readonly direction: MeasureDirection;
}

/** Everything a plan's document creates, in the order it is created and listed. */
export interface PlanStructure {
  readonly priorities: readonly PriorityRow[];
  readonly themes: readonly ThemeRow[];
  readonly commitments: readonly CommitmentRow[];
  readonly measures: readonly MeasureRow[];
}

/** A measure's unit and direction when the loader knows them better than the plan's words. */
export type MeasureDefinitions = (
  priorityNumber: number,
  name: string,
) => { readonly unit: string | null; readonly direction: MeasureDirection } | undefined;

/**
 * The rows a plan document creates.
 *
 * @param definitions - units and directions of its measures (the plan's table names measures
 *   but gives neither, so a generic load leaves the unit empty and the direction `NEUTRAL`)
 */
export function planStructure(
  document: PlanDocument,
  definitions: MeasureDefinitions = () => undefined,
): PlanStructure {
  const outcomes = new Map(document.measures.map((row) => [row.priorityNumber, row.outcome]));
  const priorities: PriorityRow[] = [];
  const themes: ThemeRow[] = [];
  const commitments: CommitmentRow[] = [];
  for (const priority of document.priorities) {
    priorities.push({
      number: priority.number,
      title: priority.title,
      aims: priority.aims,
      outcome: outcomes.get(priority.number) ?? null,
    });
    for (const theme of priority.themes) {
      themes.push({
        priorityNumber: priority.number,
        position: theme.position,
        title: theme.title,
      });
      theme.commitments.forEach((commitment, index) => {
        commitments.push({
          code: commitment.code,
          priorityNumber: priority.number,
          themePosition: theme.position,
          crossCuttingSection: null,
          position: index + 1,
          text: commitment.text,
        });
      });
    }
  }
  for (const section of document.crossCutting) {
    section.commitments.forEach((commitment, index) => {
      commitments.push({
        code: commitment.code,
        priorityNumber: null,
        themePosition: null,
        crossCuttingSection: section.section,
        position: index + 1,
        text: commitment.text,
      });
    });
  }
  const measures = document.measures.flatMap((row) =>
    row.measures.map((name, index): MeasureRow => {
      const known = definitions(row.priorityNumber, name);
      return {
        priorityNumber: row.priorityNumber,
        position: index + 1,
        name,
        unit: known?.unit ?? null,
        direction: known?.direction ?? 'NEUTRAL',
      };
    }),
  );
  return { priorities, themes, commitments, measures };
}

/** What loading a plan would create, as a preview shows it and a load reports it. */
export interface PlanLoadSummary {
  readonly slug: string;
  readonly title: string;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly revisionCode: string;
  readonly priorities: number;
  readonly themes: number;
  /** Commitments under the priorities' themes. */
  readonly commitments: number;
  /** "I will" commitments outside the priorities. */
  readonly crossCuttingCommitments: number;
  readonly measures: number;
  /** The financial-year quarters the plan's period spans, e.g. `2025/26 Q1` … `2028/29 Q4`. */
  readonly reportingPeriods: readonly string[];
}

/** The summary of loading `structure` as `identity`. */
export function planLoadSummary(identity: PlanIdentity, structure: PlanStructure): PlanLoadSummary {
  return {
    slug: identity.slug,
    title: identity.title,
    periodStart: identity.periodStart,
    periodEnd: identity.periodEnd,
    revisionCode: revisionCodeOf(identity),
    priorities: structure.priorities.length,
    themes: structure.themes.length,
    commitments: structure.commitments.filter((c) => c.crossCuttingSection === null).length,
    crossCuttingCommitments: structure.commitments.filter((c) => c.crossCuttingSection !== null)
      .length,
    measures: structure.measures.length,
    reportingPeriods: planQuarters(identity.periodStart, identity.periodEnd).map((q) => q.label),
  };
}

/** The code of the revision being loaded: as given, else the year the text was published. */
export function revisionCodeOf(identity: PlanIdentity): string {
  return identity.revisionCode ?? (identity.publishedOn ?? identity.periodStart).slice(0, 4);
}

/** When the revision being loaded was published: as given, else the period's first day. */
export function publishedOnOf(identity: PlanIdentity): IsoDate {
  return identity.publishedOn ?? identity.periodStart;
}
