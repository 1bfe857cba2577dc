/**
 * The date a plan is read at travels with the part of the response it was asked for: the
 * `plan(slug:, asAt:)` field registers its date at its own place in the response, and every
 * field below it (priorities, commitments, actions, roll-ups, updates…) reads the date of the
 * nearest plan above it. Nothing is written to the context that another part of the response
 * could see: two plans at two dates in one request each answer at their own date, and an object
 * reached another way (`node(id:)`, a mutation's result) answers live.
 */
import type { IsoDate } from '@plan-tracker/domain';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';

type Path = GraphQLResolveInfo['path'];

/** Per request: the dates plans were asked at, by the plan field's path, and a memo. */
interface AsAtScopes {
  readonly asked: WeakMap<Path, IsoDate | null>;
  readonly memo: WeakMap<Path, IsoDate | null>;
}

function scopes(ctx: Context): AsAtScopes {
  return ctx.cache.value('as-at-scopes', () => ({ asked: new WeakMap(), memo: new WeakMap() }));
}

/** Records the date the plan resolved at `info` is read at (`null`: live), for its subtree. */
export function readPlanAt(ctx: Context, info: GraphQLResolveInfo, asAt: IsoDate | null): void {
  scopes(ctx).asked.set(info.path, asAt);
}

/**
 * The date the field at `info` is read at: that of the nearest plan above it, or `null` (live)
 * when none was asked with a date. Each link of the response path is looked up once per request.
 */
export function asAtOf(ctx: Context, info: GraphQLResolveInfo): IsoDate | null {
  const { asked, memo } = scopes(ctx);
  const walk = (path: Path | undefined): IsoDate | null => {
    if (!path) return null;
    if (asked.has(path)) return asked.get(path) ?? null;
    if (memo.has(path)) return memo.get(path) ?? null;
    const found = walk(path.prev);
    memo.set(path, found);
    return found;
  };
  return walk(info.path);
}
