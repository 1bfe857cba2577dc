/**
 * The shape of a plan read from its published text: what `parsePlanText` returns and what the
 * checked-in Dorset data (`src/dorset/plan-2021-29.json`) holds. Beyond field types, the schema
 * checks the numbering rules, so a hand-edited document cannot carry a code that disagrees with
 * its position.
 */
import { z } from 'zod';
import { CommitmentCodeSchema, PositionSchema, PriorityNumberSchema } from '../model/primitives.js';
import { CROSS_CUTTING_SECTIONS, CrossCuttingSectionSchema } from '../model/vocabulary.js';

const TextSchema = z.string().min(1);

/** One "I will" commitment: its code and its text, verbatim from the plan. */
export const PlanDocumentCommitmentSchema = z.object({
  code: CommitmentCodeSchema,
  text: TextSchema,
});
/** One "I will" commitment of a {@link PlanDocument}. */
export type PlanDocumentCommitment = z.infer<typeof PlanDocumentCommitmentSchema>;

/** A theme heading inside a priority and the commitments listed under it. */
export const PlanDocumentThemeSchema = z.object({
  position: PositionSchema,
  title: TextSchema,
  commitments: z.array(PlanDocumentCommitmentSchema).min(1),
});
/** A theme of a {@link PlanDocument}. */
export type PlanDocumentTheme = z.infer<typeof PlanDocumentThemeSchema>;

/** A priority: its number, title, the aims from the plan's overview and its themes. */
export const PlanDocumentPrioritySchema = z.object({
  number: PriorityNumberSchema,
  /** The title as the contents list words it, else the detailed section's heading. */
  title: TextSchema,
  /** The detailed section's heading verbatim (the plan prints it in capitals). */
  heading: TextSchema,
  /** The overview's paragraphs for this priority, verbatim; empty when the plan has none. */
  aims: z.array(TextSchema),
  themes: z.array(PlanDocumentThemeSchema).min(1),
});
/** A priority of a {@link PlanDocument}. */
export type PlanDocumentPriority = z.infer<typeof PlanDocumentPrioritySchema>;

/** "I will" sentences of one section outside the priorities, such as "Work with partners". */
export const PlanDocumentCrossCuttingSchema = z.object({
  section: CrossCuttingSectionSchema,
  title: TextSchema,
  commitments: z.array(PlanDocumentCommitmentSchema),
});
/** A cross-cutting section of a {@link PlanDocument}. */
export type PlanDocumentCrossCutting = z.infer<typeof PlanDocumentCrossCuttingSchema>;

/** One row of the table "Measuring progress against the priorities". */
export const PlanDocumentMeasuresSchema = z.object({
  priorityNumber: PriorityNumberSchema,
  /** The priority as the table words it, e.g. "CUT CRIME AND ASB". */
  priorityTitle: TextSchema,
  outcome: TextSchema,
  /** One entry per measure sentence, without its closing full stop. */
  measures: z.array(TextSchema).min(1),
});
/** A measures row of a {@link PlanDocument}. */
export type PlanDocumentMeasures = z.infer<typeof PlanDocumentMeasuresSchema>;

/** A plan as published: priorities, themes, commitments, cross-cutting sections, measures. */
export const PlanDocumentSchema = z
  .object({
    title: TextSchema,
    priorities: z.array(PlanDocumentPrioritySchema).min(1),
    crossCutting: z.array(PlanDocumentCrossCuttingSchema),
    measures: z.array(PlanDocumentMeasuresSchema),
  })
  .superRefine((document, context) => {
    const numbers = new Set<number>();
    document.priorities.forEach((priority, p) => {
      if (numbers.has(priority.number)) {
        context.addIssue({
          code: 'custom',
          path: ['priorities', p, 'number'],
          message: `Priority number ${priority.number} is used twice.`,
        });
      }
      numbers.add(priority.number);
      priority.themes.forEach((theme, t) => {
        if (theme.position !== t + 1) {
          context.addIssue({
            code: 'custom',
            path: ['priorities', p, 'themes', t, 'position'],
            message: `Theme ${t + 1} of priority ${priority.number} has position ${theme.position}.`,
          });
        }
        theme.commitments.forEach((commitment, c) => {
          const expected = `${priority.number}.${t + 1}.${c + 1}`;
          if (commitment.code !== expected) {
            context.addIssue({
              code: 'custom',
              path: ['priorities', p, 'themes', t, 'commitments', c, 'code'],
              message: `Commitment ${expected} carries the code ${commitment.code}.`,
            });
          }
        });
      });
    });
    const sections = new Set<string>();
    document.crossCutting.forEach((crossCutting, s) => {
      if (sections.has(crossCutting.section)) {
        context.addIssue({
          code: 'custom',
          path: ['crossCutting', s, 'section'],
          message: `The section ${crossCutting.section} appears twice.`,
        });
      }
      sections.add(crossCutting.section);
      const n = CROSS_CUTTING_SECTIONS.indexOf(crossCutting.section) + 1;
      crossCutting.commitments.forEach((commitment, c) => {
        const expected = `X.${n}.${c + 1}`;
        if (commitment.code !== expected) {
          context.addIssue({
            code: 'custom',
            path: ['crossCutting', s, 'commitments', c, 'code'],
            message: `Commitment ${expected} carries the code ${commitment.code}.`,
          });
        }
      });
    });
    const measured = new Set<number>();
    document.measures.forEach((row, r) => {
      if (!numbers.has(row.priorityNumber) || measured.has(row.priorityNumber)) {
        context.addIssue({
          code: 'custom',
          path: ['measures', r, 'priorityNumber'],
          message: `Measures row ${r + 1} names priority ${row.priorityNumber}, which is missing or already measured.`,
        });
      }
      measured.add(row.priorityNumber);
    });
  });
/** A plan as published, read from its text by `parsePlanText`. */
export type PlanDocument = z.infer<typeof PlanDocumentSchema>;
