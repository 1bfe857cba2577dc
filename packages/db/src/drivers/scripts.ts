// Migration scripts must reach the database whole. Both driver adapters get this wrong in their
// own way when the schema engine hands them a migration.sql:
// - pglite-prisma-adapter does not await `exec`, so a failing script is recorded as applied and
//   its error surfaces later as an unhandled rejection;
// - @prisma/adapter-pg splits the script on every `;`, which breaks dollar-quoted function bodies
//   (our append-only trigger) and runs the pieces outside any transaction.
// Sent whole through the simple query protocol, a multi-statement script runs in one implicit
// transaction on both, so a failed migration leaves nothing half-applied.
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';

/**
 * Replaces `adapter.executeScript` with one that sends the script whole through `exec` and maps
 * a failure the way the adapter maps query errors (its `onError`, not part of the typed API).
 */
export function executeScriptsWhole(
  adapter: SqlDriverAdapter,
  exec: (script: string) => Promise<unknown>,
): SqlDriverAdapter {
  const { onError } = adapter as unknown as { onError?: (error: unknown) => never };
  adapter.executeScript = async (script: string) => {
    try {
      await exec(script);
    } catch (error) {
      if (onError) onError.call(adapter, error);
      throw error;
    }
  };
  return adapter;
}
