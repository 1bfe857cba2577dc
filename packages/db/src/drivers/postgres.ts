// The server driver: PostgreSQL through `pg` and the official @prisma/adapter-pg, made safe for
// migrations (see scripts.ts).
import { PrismaPg } from '@prisma/adapter-pg';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type pg from 'pg';
import { executeScriptsWhole } from './scripts.js';

/** A Prisma driver-adapter factory over a `pg` pool that the caller owns and ends. */
export class PostgresAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = '@prisma/adapter-pg';
  readonly #inner: PrismaPg;

  constructor(readonly pool: pg.Pool) {
    this.#inner = new PrismaPg(pool);
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.#inner.connect();
    return executeScriptsWhole(adapter, (script) => adapter.underlyingDriver().query(script));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    // A temporary database on the same server, dropped when the engine disposes of it.
    const adapter = await this.#inner.connectToShadowDb();
    return executeScriptsWhole(adapter, (script) => adapter.underlyingDriver().query(script));
  }
}
