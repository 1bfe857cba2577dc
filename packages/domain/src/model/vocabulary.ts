/**
 * The closed vocabularies shared by the domain, the database enums and the GraphQL enums.
 * The `…_VALUES` tuples fix the order in which reports list the values.
 */
import { z } from 'zod';

/** Lifecycle statuses in report order. `ONGOING` is business as usual that never finishes. */
export const LIFECYCLE_STATUSES = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'ONGOING',
  'COMPLETED',
  'DEFERRED',
  'WITHDRAWN',
] as const;

/** Where a commitment or action is in its life, independent of how well it is going (RAG). */
export const LifecycleStatusSchema = z.enum(LIFECYCLE_STATUSES);
/** One of {@link LIFECYCLE_STATUSES}. */
export type LifecycleStatus = z.infer<typeof LifecycleStatusSchema>;

/** RAG ratings, best first. */
export const RAGS = ['GREEN', 'AMBER', 'RED'] as const;

/**
 * Red/amber/green rating: `GREEN` on track, `AMBER` at risk, `RED` off track. Entities hold
 * `null` until their first update ("not yet rated"), so fields use `RagSchema.nullable()`.
 */
export const RagSchema = z.enum(RAGS);
/** One of {@link RAGS}. */
export type Rag = z.infer<typeof RagSchema>;

/** Directions of good for a measure. */
export const MEASURE_DIRECTIONS = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEUTRAL'] as const;
/** Whether a rise in a measure is good news, bad news or neither. */
export const MeasureDirectionSchema = z.enum(MEASURE_DIRECTIONS);
/** One of {@link MEASURE_DIRECTIONS}. */
export type MeasureDirection = z.infer<typeof MeasureDirectionSchema>;

/** Statuses of an action the Police and Crime Panel asked for. */
export const PANEL_ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'COMPLETED', 'DROPPED'] as const;
/** Where a panel action stands. */
export const PanelActionStatusSchema = z.enum(PANEL_ACTION_STATUSES);
/** One of {@link PANEL_ACTION_STATUSES}. */
export type PanelActionStatus = z.infer<typeof PanelActionStatusSchema>;

/**
 * The three sections after the six priorities, in plan order; a cross-cutting commitment's
 * code `X.n.m` uses the 1-based position of its section here as `n`.
 */
export const CROSS_CUTTING_SECTIONS = [
  'NATIONAL_STRATEGIES',
  'POLICE_AND_EMERGENCY_SERVICES',
  'PARTNERS',
] as const;
/** A section of cross-cutting "I will" commitments outside the six priorities. */
export const CrossCuttingSectionSchema = z.enum(CROSS_CUTTING_SECTIONS);
/** One of {@link CROSS_CUTTING_SECTIONS}. */
export type CrossCuttingSection = z.infer<typeof CrossCuttingSectionSchema>;

/** Staff roles, most powerful first: what each may do is in `access/rules.ts`. */
export const ROLES = ['ADMIN', 'EDITOR', 'CONTRIBUTOR', 'VIEWER'] as const;
/** The role of a member of staff. */
export const RoleSchema = z.enum(ROLES);
/** One of {@link ROLES}. */
export type Role = z.infer<typeof RoleSchema>;
