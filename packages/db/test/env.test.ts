// DATABASE_URL is checked before any driver starts, with a message that says what to do.
import { describe, expect, it } from 'vitest';
import { DatabaseEnvError, parseDatabaseEnv } from '../src/index.js';

describe('parseDatabaseEnv', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['memory://', 'memory://'],
    ['file:./data/other', 'file:./data/other'],
    [
      'postgresql://tracker:secret@db.internal:5432/tracker',
      'postgresql://tracker:secret@db.internal:5432/tracker',
    ],
    ['postgres://localhost/tracker', 'postgres://localhost/tracker'],
  ])('accepts %j', (value, expected) => {
    expect(parseDatabaseEnv({ DATABASE_URL: value }).DATABASE_URL).toBe(expected);
  });

  it.each(['mysql://localhost/tracker', 'localhost:5432', 'postgresql://'])(
    'rejects %j, naming the variable and the accepted forms',
    (value) => {
      expect(() => parseDatabaseEnv({ DATABASE_URL: value })).toThrow(DatabaseEnvError);
      expect(() => parseDatabaseEnv({ DATABASE_URL: value })).toThrow(
        /DATABASE_URL: must be a PostgreSQL URL .*memory:\/\//s,
      );
    },
  );
});
