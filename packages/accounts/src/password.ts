/**
 * Password hashing with argon2id (OWASP's first choice), through `hash-wasm`: WebAssembly, so it
 * installs from the npm registry on any platform with no native addon or build script (this
 * project avoids native addons: node-gyp cannot fetch headers here, and pnpm would need the
 * package allowed to build). Hashes are PHC strings (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`) that
 * other argon2 libraries can verify, so moving to a native binding later needs no rehash.
 */

import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';
import { z } from 'zod';

/** OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane. */
const PARAMETERS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;

/** The PHC-format argon2id hash of `password` with a fresh random salt. */
export function hashPassword(password: string): Promise<string> {
  return argon2id({ password, salt: randomBytes(16), ...PARAMETERS, outputType: 'encoded' });
}

/** True when `password` matches the stored hash; false for any malformed hash. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (!hash.startsWith('$argon2')) return false;
  try {
    return await argon2Verify({ password, hash });
  } catch {
    return false;
  }
}

/** The shortest password accepted for a new account (NCSC and OWASP: length over complexity). */
export const PASSWORD_MIN_LENGTH = 12;
/** The longest: argon2 takes any length, but a megabyte "password" is an attack, not a secret. */
export const PASSWORD_MAX_LENGTH = 1000;

/**
 * A new password as a zod schema, for every input that takes one (a new account, a temporary
 * password, a change): the rule is {@link weakPasswordReason}, stated once.
 */
export const NewPasswordSchema = z
  .string()
  .max(PASSWORD_MAX_LENGTH)
  .superRefine((password, ctx) => {
    const reason = weakPasswordReason(password);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });

/** Why a new password is refused, in plain English, or `null` when it will do. */
export function weakPasswordReason(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `The password must be at least ${PASSWORD_MIN_LENGTH} characters long (it has ${password.length}). A few unrelated words make a strong one.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `The password can be at most ${PASSWORD_MAX_LENGTH} characters long.`;
  }
  if (new Set(password).size < 4) {
    return 'The password repeats too few characters to be safe; use a few unrelated words.';
  }
  return null;
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of a verification when there is no such user, so response times do not
 * reveal which addresses have accounts.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword('not a real password');
  await verifyPassword(password, await dummy);
  return false;
}
