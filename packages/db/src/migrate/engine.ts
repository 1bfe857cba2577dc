// Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), so migrations run
// without the native engine that the Prisma CLI would download. The package's own entry imports
// the .wasm file as an ES module, which Node cannot do; here the bindings module is imported and
// the wasm instantiated by hand, as wasm-bindgen's "bundler" output expects.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

export type { SchemaEngine };

// Node has WebAssembly, but its type declarations come with TypeScript's DOM library, which a
// server package should not pull in; this is the one call used here.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let loaded: Promise<typeof bindings> | undefined;

/** Instantiates the wasm once per process; the bindings module holds the one instance. */
function loadBindings(): Promise<typeof bindings> {
  loaded ??= (async () => {
    const bindingsUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = fileURLToPath(new URL('schema_engine_bg.wasm', bindingsUrl));
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': bindings,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return loaded;
}

export interface OpenSchemaEngineOptions {
  /** The database the engine works on (and whose shadow databases it creates). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** `[path, content]` of each Prisma schema file, when the command reads a schema. */
  datamodels?: [path: string, content: string][];
  /** Receives the engine's log lines (JSON); dropped by default. */
  log?: (line: string) => void;
}

/** A schema engine on the given database, plus the error registry of its bound adapter. */
export interface OpenSchemaEngine {
  engine: SchemaEngine;
  adapter: ErrorCapturingSqlMigrationAwareDriverAdapterFactory;
}

export async function openSchemaEngine(
  options: OpenSchemaEngineOptions,
): Promise<OpenSchemaEngine> {
  const { SchemaEngine } = await loadBindings();
  const adapter = bindMigrationAwareSqlAdapterFactory(options.adapterFactory);
  const datamodels = options.datamodels?.length ? options.datamodels : undefined;
  const engine = await SchemaEngine.new({ datamodels }, options.log ?? (() => {}), adapter).catch(
    (error: unknown) => {
      throw unwrapEngineError(adapter, error);
    },
  );
  return { engine, adapter };
}

/**
 * Runs one engine command. Database and engine errors arrive as Errors whose message reads well
 * (and whose `code`, when there is one, is Prisma's, e.g. `P3009`). A JavaScript error thrown
 * inside the driver reaches the engine only as "External error id#N", an index into the bound
 * adapter's error registry: that original error is rethrown instead.
 */
export async function runEngineCommand<T>(
  { adapter }: OpenSchemaEngine,
  command: () => Promise<T>,
): Promise<T> {
  try {
    return await command();
  } catch (error) {
    throw unwrapEngineError(adapter, error);
  }
}

function unwrapEngineError(
  adapter: ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  error: unknown,
): unknown {
  const id =
    error instanceof Error ? /External error id#(\d+)/.exec(error.message)?.[1] : undefined;
  if (id !== undefined) {
    const record = adapter.errorRegistry.consumeError(Number(id));
    if (record) return record.error;
  }
  return error;
}
