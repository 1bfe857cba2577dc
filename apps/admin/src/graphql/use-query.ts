/**
 * Loads an operation for a screen and keeps the last good answer while a new one loads (so
 * filters do not blank the table). `reload()` asks again, e.g. after a save.
 */
import type { TadaDocumentNode } from 'gql.tada';
import { useCallback, useEffect, useRef, useState } from 'react';
import { RequestFailure, request } from './client.js';

export interface QueryState<Result> {
  readonly data: Result | undefined;
  readonly error: RequestFailure | undefined;
  readonly loading: boolean;
  readonly reload: () => Promise<void>;
}

export function useQuery<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  options: { skip?: boolean } = {},
): QueryState<Result> {
  const [data, setData] = useState<Result>();
  const [error, setError] = useState<RequestFailure>();
  const [loading, setLoading] = useState(!options.skip);
  const key = JSON.stringify(variables);
  const latest = useRef(0);

  // `key` stands for the variables: a new object with the same values must not reload.
  const run = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const result = await (request as (d: unknown, v: unknown) => Promise<Result>)(
        document,
        JSON.parse(key),
      );
      if (ticket !== latest.current) return;
      setData(result);
      setError(undefined);
    } catch (caught) {
      if (ticket !== latest.current) return;
      setError(
        caught instanceof RequestFailure
          ? caught
          : new RequestFailure(
              'SERVER',
              'Sorry, there is a problem with the service. Try again later.',
            ),
      );
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [document, key]);

  useEffect(() => {
    if (options.skip) return;
    void run();
  }, [run, options.skip]);

  return { data, error, loading, reload: run };
}
