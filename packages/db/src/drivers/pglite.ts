// The embedded driver: PGlite (PostgreSQL in WebAssembly) reached through the community adapter
// `pglite-prisma-adapter`, with two fixes that migrations need.
import { PGlite } from '@electric-sql/pglite';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/**
 * A Prisma driver-adapter factory over one PGlite instance, usable by the client and by the
 * schema engine.
 *
 * - The community adapter's `executeScript` does not await `exec`, so a failing migration script
 *   would be recorded as applied and its error would surface as an unhandled rejection. Scripts
 *   are awaited here and their errors reported like query errors.
 * - Its shadow databases (used to replay the migrations folder when diffing) are never closed;
 *   here they are closed when the schema engine disposes of them.
 */
export class PGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = 'pglite-prisma-adapter';

  constructor(readonly client: PGlite) {}

  async connect(): Promise<SqlDriverAdapter> {
    return awaitingScripts(await new PrismaPGlite(this.client).connect(), this.client);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = await PGlite.create();
    const adapter = awaitingScripts(await new PrismaPGlite(shadow).connect(), shadow);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadow.close();
    };
    return adapter;
  }
}

function awaitingScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  // `onError` is the adapter's own (untyped) mapping of PGlite errors to DriverAdapterError.
  const { onError } = adapter as unknown as { onError?: (error: unknown) => never };
  adapter.executeScript = async (script: string) => {
    try {
      await client.exec(script);
    } catch (error) {
      if (onError) onError.call(adapter, error);
      throw error;
    }
  };
  return adapter;
}
