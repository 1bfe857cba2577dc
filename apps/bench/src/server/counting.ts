/**
 * Counts the SQL statements Prisma sends, at the driver adapter (below Prisma, so every query
 * counts): `queryRaw` and `executeRaw` on the adapter and on its transactions, plus the `BEGIN`
 * a transaction's start sends by itself. The API's own no-N+1 test counts the same way.
 */
import { type Database, PrismaClient } from '@plan-tracker/db';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';

export interface StatementCounter {
  statements: number;
  /** Statements sent and not yet answered. */
  active: number;
}

function counting<T extends object>(target: T, counter: StatementCounter): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      if (key === 'queryRaw' || key === 'executeRaw') {
        return async (...args: unknown[]) => {
          counter.statements += 1;
          counter.active += 1;
          try {
            return await value.apply(object, args);
          } finally {
            counter.active -= 1;
          }
        };
      }
      if (key === 'startTransaction') {
        return async (...args: unknown[]) => {
          counter.statements += 1; // BEGIN
          return counting(await value.apply(object, args), counter);
        };
      }
      return value.bind(object);
    },
  });
}

/** A Prisma client over the database's driver whose statements add up in `counter`. */
export function countingPrisma(database: Database, counter: StatementCounter): PrismaClient {
  const factory = database.adapterFactory;
  const wrapped = Object.create(factory) as SqlMigrationAwareDriverAdapterFactory;
  wrapped.connect = async () => counting((await factory.connect()) as SqlDriverAdapter, counter);
  return new PrismaClient({ adapter: wrapped });
}
