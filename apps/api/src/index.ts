/**
 * The plan delivery tracker's GraphQL API: `createApi` for the yoga instance on a database,
 * `startServer` for the HTTP server (GraphQL, health checks, the admin app's files).
 */
// Accounts and passwords live in @plan-tracker/accounts; import them from there. Re-exported so
// that code written against these earlier exports of the API keeps working.
export {
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoUser,
  type DemoUsersResult,
  hashPassword,
  PASSWORD_MIN_LENGTH,
  seedDemoUsers,
  weakPasswordReason,
} from '@plan-tracker/accounts';
export { API_KEY_SCOPES, type ApiKeyScope, type Caller } from '@plan-tracker/domain';
export { type ApiEnv, ApiEnvError, parseApiEnv } from './env.js';
export {
  CHROMIUM_ARGS,
  ChromiumMissingError,
  findChromium,
  htmlToPdf,
} from './report/pdf.js';
export { schema } from './schema.js';
export { type RunningServer, type StartServerOptions, startServer } from './server.js';
export { type Api, type CreateApiOptions, createApi } from './yoga.js';
