/**
 * The plan delivery tracker's GraphQL API: `createApi` for the yoga instance on a database,
 * `startServer` for the HTTP server (GraphQL, health checks, the admin app's files).
 */
export { API_KEY_SCOPES, type ApiKeyScope, type Caller } from '@plan-tracker/domain';
export {
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoUser,
  type DemoUsersResult,
  seedDemoUsers,
} from './auth/demo-users.js';
export {
  hashPassword,
  PASSWORD_MIN_LENGTH,
  weakPasswordReason,
} from './auth/password.js';
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
