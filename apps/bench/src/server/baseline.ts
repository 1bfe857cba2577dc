/**
 * The baseline: the same data as two of the GraphQL scenarios, each read by one hand-written SQL
 * query that builds the whole JSON response in PostgreSQL, served by a bare `node:http` server.
 * No GraphQL, no Prisma, no access checks, no roll-ups: what the database alone costs.
 *
 *   GET /tree?slug=…        the plan tree (priorities, measures and values, themes, commitments,
 *                           their actions and milestones, their updates newest first)
 *   GET /commitments?slug=… the filtered page: in progress or ongoing, amber or red, by due date
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Runs one statement and returns its rows. */
export type RunSql = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

const UPDATE = `json_build_object('period', u.period, 'recordedOn', u."recordedOn",
  'narrative', u.narrative, 'statusAfter', u."statusAfter", 'ragAfter', u."ragAfter",
  'progressAfter', u."progressAfter")`;

const OPEN_STATUS = `NOT IN ('COMPLETED', 'WITHDRAWN')`;

const COMMITMENT = `json_build_object(
  'code', c.code, 'text', c.text, 'status', c.status, 'rag', c.rag,
  'progressPercent', c."progressPercent", 'dueDate', c."dueDate",
  'overdue', coalesce(c."dueDate" < current_date AND c.status ${OPEN_STATUS}, false),
  'actions', (SELECT coalesce(json_agg(json_build_object(
      'title', a.title, 'owner', a.owner, 'status', a.status, 'rag', a.rag,
      'progressPercent', a."progressPercent", 'startDate', a."startDate", 'dueDate', a."dueDate",
      'overdue', coalesce(a."dueDate" < current_date AND a.status ${OPEN_STATUS}, false),
      'milestones', (SELECT coalesce(json_agg(json_build_object(
          'title', m.title, 'dueDate', m."dueDate", 'completedOn', m."completedOn")
          ORDER BY m."dueDate", m.id), '[]'::json)
        FROM "Milestone" m WHERE m."actionId" = a.id AND m."archivedAt" IS NULL))
      ORDER BY a."dueDate" NULLS LAST, a.id), '[]'::json)
    FROM "DeliveryAction" a WHERE a."commitmentId" = c.id AND a."archivedAt" IS NULL),
  'updates', (SELECT coalesce(json_agg(${UPDATE} ORDER BY u."recordedOn" DESC, u."createdAt" DESC), '[]'::json)
    FROM "ProgressUpdate" u WHERE u."commitmentId" = c.id))`;

/** The plan tree as one JSON document. */
export const TREE_SQL = `
SELECT json_build_object('data', json_build_object('plan', json_build_object(
  'title', p.title, 'vision', p.vision, 'periodStart', p."periodStart", 'periodEnd', p."periodEnd",
  'priorities', (SELECT coalesce(json_agg(json_build_object(
      'number', pr.number, 'title', pr.title,
      'measures', (SELECT coalesce(json_agg(json_build_object('name', me.name, 'unit', me.unit,
          'values', (SELECT coalesce(json_agg(json_build_object('period', v.period, 'value', v.value)
              ORDER BY v."recordedOn"), '[]'::json)
            FROM "MeasureValue" v WHERE v."measureId" = me.id))
          ORDER BY me.position), '[]'::json)
        FROM "Measure" me WHERE me."priorityId" = pr.id),
      'themes', (SELECT coalesce(json_agg(json_build_object('position', t.position, 'title', t.title,
          'commitments', (SELECT coalesce(json_agg(${COMMITMENT} ORDER BY c.position), '[]'::json)
            FROM "Commitment" c WHERE c."themeId" = t.id))
          ORDER BY t.position), '[]'::json)
        FROM "Theme" t WHERE t."priorityId" = pr.id))
      ORDER BY pr.number), '[]'::json)
    FROM "Priority" pr WHERE pr."planId" = p.id),
  'crossCuttingCommitments', (SELECT coalesce(json_agg(${COMMITMENT}
      ORDER BY c."crossCuttingSection", c.position), '[]'::json)
    FROM "Commitment" c WHERE c."planId" = p.id AND c."themeId" IS NULL)
)))::text AS body
FROM "Plan" p WHERE p.slug = $1 AND p.published`;

/** One page of the filtered commitments, with the total, as one JSON document. */
export const COMMITMENTS_SQL = `
WITH matching AS (
  SELECT c.*, count(*) OVER () AS total
  FROM "Commitment" c JOIN "Plan" p ON p.id = c."planId"
  WHERE p.slug = $1 AND p.published
    AND c.status IN ('IN_PROGRESS', 'ONGOING') AND c.rag IN ('AMBER', 'RED')
  ORDER BY c."dueDate" NULLS LAST, c.code, c.id
  LIMIT 20
)
SELECT json_build_object('data', json_build_object('plan', json_build_object('commitments',
  json_build_object(
    'totalCount', coalesce(max(c.total), 0),
    'edges', coalesce(json_agg(json_build_object('node', json_build_object(
        'code', c.code, 'text', c.text, 'status', c.status, 'rag', c.rag, 'owner', c.owner,
        'dueDate', c."dueDate", 'progressPercent', c."progressPercent"))
      ORDER BY c."dueDate" NULLS LAST, c.code, c.id), '[]'::json)))))::text AS body
FROM matching c`;

export interface BaselineServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the baseline on a free loopback port; every statement it runs adds to `counter`. */
export async function startBaseline(
  runSql: RunSql,
  counter: { statements: number; active: number },
): Promise<BaselineServer> {
  const routes: Record<string, string> = { '/tree': TREE_SQL, '/commitments': COMMITMENTS_SQL };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const sql = routes[url.pathname];
    if (!sql) {
      res.writeHead(404).end();
      return;
    }
    counter.statements += 1;
    counter.active += 1;
    runSql(sql, [url.searchParams.get('slug') ?? ''])
      .finally(() => {
        counter.active -= 1;
      })
      .then(
        (rows) => {
          const body = rows[0]?.body;
          if (typeof body !== 'string') {
            res.writeHead(404, { 'content-type': 'application/json' }).end('{"data":null}');
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
        },
        (error: unknown) => {
          console.error('baseline query failed', error);
          res.writeHead(500).end();
        },
      );
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
