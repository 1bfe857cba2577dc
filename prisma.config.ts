// Prisma CLI configuration (Prisma 7 keeps the connection URL out of schema.prisma).
// The app does not read this file: packages/db/src/client.ts chooses the driver. It serves
// `prisma generate` (packages/db/scripts/generate.mjs) and, on a machine that can fetch the native
// schema engine, `prisma migrate deploy` against DATABASE_URL. A plain object, so that it loads
// from the repository root where the `prisma` package is not installed.
export default {
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
};
