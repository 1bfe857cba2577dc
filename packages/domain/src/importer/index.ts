// The plan-text importer: plan text in, a validated PlanDocument out.
export { CROSS_CUTTING_SECTION_TITLES } from './cross-cutting.js';
export { type ParsePlanTextOptions, parsePlanText } from './parse-plan-text.js';
export {
  isPlanImportError,
  PLAN_IMPORT_ERROR_CODES,
  PlanImportError,
  type PlanImportErrorCode,
} from './plan-import-error.js';
export * from './schema.js';
