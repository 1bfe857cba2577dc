/**
 * Secrets the product must use again but never show, such as an identity provider's client
 * secret: sealed with AES-256-GCM under a key from `PLAN_TRACKER_SECRET_KEY` (32 random bytes,
 * base64), so a copy of the database alone does not give them away. The API and the CLI share it.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The variable holding the key. */
export const SECRET_KEY_VARIABLE = 'PLAN_TRACKER_SECRET_KEY';

const VERSION = 'v1';

/** Seals and opens secrets with one key. */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** Why `value` cannot be the key, in plain English, or null when it will do. */
export function secretKeyProblem(value: string | undefined): string | null {
  if (!value)
    return `set ${SECRET_KEY_VARIABLE} to 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`).`;
  return Buffer.from(value, 'base64').length === 32
    ? null
    : `${SECRET_KEY_VARIABLE} must be 32 bytes in base64 (e.g. \`openssl rand -base64 32\`).`;
}

/** A {@link SecretBox} for the key in `value` (base64 of 32 bytes); throws when it is not one. */
export function secretBox(value: string | undefined): SecretBox {
  const problem = secretKeyProblem(value);
  if (problem) throw new Error(problem);
  const key = Buffer.from(value ?? '', 'base64');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), data]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || data === undefined) {
        throw new Error('This is not a sealed secret.');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
