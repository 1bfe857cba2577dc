/**
 * The Dorset Police & Crime Plan 2021–29 (as refreshed in 2024) as data: the importer's output
 * for the vendored text `source/plan-2021-29.txt`, regenerated with `pnpm data:dorset`.
 */
import { type PlanDocument, PlanDocumentSchema } from '../importer/schema.js';
import planJson from './plan-2021-29.json' with { type: 'json' };

/** The Dorset plan: 6 priorities, 29 themes, 156 commitments, 11 cross-cutting commitments. */
export const dorsetPlanDocument: PlanDocument = PlanDocumentSchema.parse(planJson);
