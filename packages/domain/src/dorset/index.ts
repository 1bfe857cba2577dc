// The Dorset Police & Crime Plan 2021–29 as data.
export { dorsetPlanDocument } from './plan.js';
