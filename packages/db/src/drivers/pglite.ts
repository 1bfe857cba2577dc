// The embedded driver: PGlite (PostgreSQL in WebAssembly) through the community adapter
// `pglite-prisma-adapter`, made safe for migrations.
import { PGlite } from '@electric-sql/pglite';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { executeScriptsWhole } from './scripts.js';

/**
 * A Prisma driver-adapter factory over one PGlite instance, for the client and the schema
 * engine. Scripts are awaited (see scripts.ts), and the in-memory shadow databases that the
 * engine asks for are closed when it disposes of them (the community adapter never closes them).
 */
export class PGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = 'pglite-prisma-adapter';

  constructor(readonly client: PGlite) {}

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await new PrismaPGlite(this.client).connect();
    return executeScriptsWhole(adapter, (script) => this.client.exec(script));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = await PGlite.create();
    const adapter = executeScriptsWhole(await new PrismaPGlite(shadow).connect(), (script) =>
      shadow.exec(script),
    );
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadow.close();
    };
    return adapter;
  }
}
