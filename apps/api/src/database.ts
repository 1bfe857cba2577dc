// The Prisma client the schema reads and writes through. It stays out of the GraphQL context
// type (STYLE.md): the builder's `prisma.client` option and the resolvers reach it here. One
// process serves one database; `createApi` sets it before the first request.
import type { PrismaClient } from '@plan-tracker/db';

let current: PrismaClient | undefined;

/** Makes `client` the one the API uses. */
export function setPrisma(client: PrismaClient): void {
  current = client;
}

/** The API's Prisma client; throws when `createApi` has not been called. */
export function prisma(): PrismaClient {
  if (!current) throw new Error('The API has no database: call createApi({ database }) first.');
  return current;
}
