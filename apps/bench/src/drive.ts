/**
 * Drives one scenario: a few requests one after another (to check the answers and count the SQL
 * statements each costs), then autocannon for a fixed time with several connections.
 */
import autocannon from 'autocannon';

export interface ScenarioRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  /** A fixed body, or one made per request (the status mutation). */
  readonly body?: string | ((turn: number) => string);
}

export interface Scenario {
  readonly name: string;
  readonly server: 'api' | 'baseline';
  readonly request: ScenarioRequest;
  /** Why a response is wrong, or undefined. Called on the sequential requests. */
  readonly check: (status: number, text: string) => string | undefined;
  /** Reads each response under load (for the mutation: versions and outcomes). */
  readonly onLoadResponse?: (requestBody: string, text: string) => void;
  /** Extra words for the table. */
  readonly note?: () => string;
}

export interface LoadSettings {
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  /** Sequential requests whose SQL statements are counted. */
  readonly probes: number;
}

export interface ScenarioResult {
  readonly name: string;
  readonly server: 'api' | 'baseline';
  readonly requestsPerSecond: number;
  /** Requests that finished within the measured time. */
  readonly completed: number;
  readonly p50: number;
  readonly p99: number;
  readonly statementsPerRequest: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly problems: string[];
  readonly note: string;
  readonly responseBytes: number;
}

const bodyOf = (request: ScenarioRequest, turn: number) =>
  typeof request.body === 'function' ? request.body(turn) : request.body;

/** Runs the scenario; `countStatements` returns (and resets) the server's statement count. */
export async function runScenario(
  baseUrl: string,
  scenario: Scenario,
  settings: LoadSettings,
  countStatements: () => Promise<number>,
  drain: () => Promise<void>,
): Promise<ScenarioResult> {
  const problems: string[] = [];
  const { request } = scenario;
  let turn = 0;
  let responseBytes = 0;
  await countStatements();
  const probing = performance.now();
  for (let i = 0; i < settings.probes; i += 1) {
    const body = bodyOf(request, turn);
    turn += 1;
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    responseBytes = Buffer.byteLength(text);
    const problem = scenario.check(response.status, text);
    if (problem && !problems.includes(problem)) problems.push(problem);
    if (body !== undefined) scenario.onLoadResponse?.(body, text);
  }
  const statements = (await countStatements()) / settings.probes;
  // A slow request gets more time, up to three times --duration, so that about ten finish
  // (the server handles one request's JavaScript at a time, whatever the connections).
  const probeSeconds = (performance.now() - probing) / 1000 / settings.probes;
  const seconds = Math.min(
    settings.durationSeconds * 3,
    Math.max(settings.durationSeconds, Math.ceil(10 * probeSeconds)),
  );

  const sentBodies = new WeakMap<object, string>();
  const cannon = (duration: number) =>
    autocannon({
      url: baseUrl,
      connections: settings.connections,
      duration,
      // The whole plan tree takes about a second on its own: queued behind the other
      // connections it can take longer than autocannon's default 10 s timeout.
      timeout: 60,
      requests: [
        {
          method: request.method,
          path: request.path,
          headers: request.headers,
          ...(typeof request.body === 'string' ? { body: request.body } : {}),
          ...(typeof request.body === 'function'
            ? {
                setupRequest: (req: autocannon.Request, context: object) => {
                  const body = bodyOf(request, turn) as string;
                  turn += 1;
                  sentBodies.set(context, body);
                  return { ...req, body };
                },
              }
            : {}),
          ...(scenario.onLoadResponse
            ? {
                onResponse: (_status: number, text: string, context: object) => {
                  const sent = sentBodies.get(context);
                  if (sent !== undefined) scenario.onLoadResponse?.(sent, text);
                },
              }
            : {}),
        },
      ],
    });
  // Warm-up is a run of its own, drained before the measured one: autocannon abandons the
  // requests in flight when time is up, and the server would still be working on them.
  if (settings.warmupSeconds > 0) {
    await cannon(settings.warmupSeconds);
    await drain();
  }
  const result = await cannon(seconds);
  await drain();
  return {
    name: scenario.name,
    server: scenario.server,
    requestsPerSecond: result.requests.average,
    completed: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statementsPerRequest: statements,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    problems,
    note: [
      seconds > settings.durationSeconds ? `measured for ${seconds} s (slow request)` : '',
      scenario.note?.() ?? '',
    ]
      .filter(Boolean)
      .join('; '),
    responseBytes,
  };
}
