/**
 * Staff accounts and their credentials: argon2id password hashing, session tokens and API keys
 * (only their hashes are stored), and the demo users. What the API and the CLI share about who
 * may sign in, without HTTP or GraphQL.
 */
export {
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoUser,
  type DemoUsersResult,
  seedDemoUsers,
} from './demo-users.js';
export {
  hashPassword,
  NewPasswordSchema,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  verifyAgainstNothing,
  verifyPassword,
  weakPasswordReason,
} from './password.js';
export { SECRET_KEY_VARIABLE, type SecretBox, secretBox, secretKeyProblem } from './secrets.js';
export { apiKeyPrefix, newApiKey, newSessionToken, sameHash, sha256 } from './tokens.js';
