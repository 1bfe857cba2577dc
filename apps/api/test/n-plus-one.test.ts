// No N+1: the SQL statements of the full plan tree query do not grow when the plan grows tenfold.
// Statements are counted at the driver adapter, below Prisma, so every query Prisma sends counts.
import { type Database, PrismaClient } from '@plan-tracker/db';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support/api.js';

const counter = { statements: 0 };

function counting<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      if (key === 'queryRaw' || key === 'executeRaw') {
        return (...args: unknown[]) => {
          counter.statements += 1;
          return value.apply(object, args);
        };
      }
      if (key === 'startTransaction') {
        return async (...args: unknown[]) => counting(await value.apply(object, args));
      }
      return value.bind(object);
    },
  });
}

function countingClient(database: Database): PrismaClient {
  const factory = database.adapterFactory;
  const wrapped = Object.create(factory) as SqlMigrationAwareDriverAdapterFactory;
  wrapped.connect = async () => counting((await factory.connect()) as SqlDriverAdapter);
  return new PrismaClient({ adapter: wrapped });
}

const TREE = /* GraphQL */ `
  {
    plan(slug: "test-2021-29") {
      title rollUp { count progressPercent }
      crossCuttingCommitments { code }
      priorities {
        number rollUp { count progressPercent }
        measures { name values { period value } }
        themes {
          title rollUp { count progressPercent }
          commitments {
            code status rag progressPercent overdue
            rollUp { basis progressPercent }
            actions { title status rag progressPercent overdue milestones { title } updates { narrative } }
            updates { narrative evidence { url } }
          }
        }
      }
      commitments(first: 50) { totalCount edges { node { code status actions { title } } } }
    }
  }
`;

const apis: TestApi[] = [];
afterAll(async () => {
  for (const api of apis) await api.close();
});

async function statementsFor(scale: number): Promise<{ statements: number; commitments: number }> {
  const t = await startTestApi({ scale, prismaFor: countingClient });
  apis.push(t);
  await t.gql(TREE); // warm-up: the first request connects
  counter.statements = 0;
  const { body } = await t.gql(TREE);
  expect(body.errors).toBeUndefined();
  const commitments = body.data?.plan.priorities.flatMap(
    (p: { themes: { commitments: unknown[] }[] }) => p.themes.flatMap((theme) => theme.commitments),
  ).length;
  return { statements: counter.statements, commitments };
}

describe('the full plan tree', () => {
  it('costs the same number of SQL statements for 8 and for 80 commitments', async () => {
    const small = await statementsFor(1);
    const large = await statementsFor(10);
    expect(small.commitments).toBe(8);
    expect(large.commitments).toBe(80);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
    console.log(`plan tree: ${small.statements} SQL statements for 8 and for 80 commitments`);
  });
});
