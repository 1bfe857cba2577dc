// The Prisma client the schema reads and writes through. Each `createApi` serves its own
// database, so the client travels with the request rather than in a module variable that a
// second API would silently replace; it stays out of what resolvers see of the context
// (STYLE.md): its key is private to this module, and resolvers reach it only by `prisma(ctx)`.
import type { PrismaClient } from '@plan-tracker/db';

const CLIENT: unique symbol = Symbol('the API database');

/** What carries the client: the GraphQL context of a request of one API. */
export interface WithDatabase {
  readonly [CLIENT]: PrismaClient;
}

/** `value` carrying `client`, for the context factory. */
export function withDatabase<T extends object>(value: T, client: PrismaClient): T & WithDatabase {
  return Object.assign(value, { [CLIENT]: client });
}

/** The Prisma client of the API that is serving this request. */
export function prisma(ctx: WithDatabase): PrismaClient {
  return ctx[CLIENT];
}
