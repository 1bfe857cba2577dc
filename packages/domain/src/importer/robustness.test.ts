/**
 * Seeded random damage to the Dorset plan's text: whatever the damage, the importer returns a
 * valid PlanDocument or throws a PlanImportError that names a line of the input — never
 * anything else.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanDocumentSchema, PlanImportError, parsePlanText } from './index.js';

// Raise for a longer hunt, e.g. PLAN_FUZZ_CASES=20000 pnpm --filter @plan-tracker/domain test.
const CASES = Number(process.env.PLAN_FUZZ_CASES) || 400;

const seed = readFileSync(new URL('../dorset/source/plan-2021-29.txt', import.meta.url), 'utf8');

/** mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
function random(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = (rnd: Random, n: number) => Math.floor(rnd() * n);

const GARBAGE = [
  '\u0000',
  '\u0007',
  '\ufffd',
  '\ud800',
  '\u00a0',
  '\t',
  '\r',
  '\n',
  '•',
  '-',
  '–',
  '*',
  'I will:',
  '(',
  ')',
  '\ufeff',
  'ÿ',
  '\u200b',
  '\f',
  'PRIORITY\t',
];

const mutations: Record<string, (lines: string[], rnd: Random) => string[]> = {
  truncate: (lines, rnd) => {
    const text = lines.join('\n');
    return text.slice(0, pick(rnd, text.length + 1)).split('\n');
  },
  deleteLines: (lines, rnd) => {
    const out = [...lines];
    for (let i = 1 + pick(rnd, 12); i > 0 && out.length > 0; i--)
      out.splice(pick(rnd, out.length), 1);
    return out;
  },
  duplicateLines: (lines, rnd) => {
    const out = [...lines];
    for (let i = 1 + pick(rnd, 8); i > 0; i--) {
      const at = pick(rnd, out.length);
      out.splice(at, 0, out[at] ?? '');
    }
    return out;
  },
  shuffleWindow: (lines, rnd) => {
    const out = [...lines];
    const start = pick(rnd, out.length);
    const end = Math.min(out.length, start + 2 + pick(rnd, 40));
    for (let i = end - 1; i > start; i--) {
      const j = start + pick(rnd, i - start + 1);
      [out[i], out[j]] = [out[j] ?? '', out[i] ?? ''];
    }
    return out;
  },
  garbage: (lines, rnd) => {
    let text = lines.join('\n');
    for (let i = 1 + pick(rnd, 30); i > 0; i--) {
      const at = pick(rnd, text.length + 1);
      const junk =
        rnd() < 0.5
          ? (GARBAGE[pick(rnd, GARBAGE.length)] ?? '')
          : String.fromCharCode(pick(rnd, 0x10000));
      text = text.slice(0, at) + junk + text.slice(at);
    }
    return text.split('\n');
  },
  reflow: (lines, rnd) => {
    const width = 20 + pick(rnd, 80);
    const indent = rnd() < 0.5 ? '' : ' ';
    return lines.flatMap((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > width && rnd() < 0.9) {
        const cut = rest.lastIndexOf(' ', width);
        if (cut <= 0) break;
        out.push(rest.slice(0, cut));
        rest = indent + rest.slice(cut + 1);
      }
      out.push(rest);
      return out;
    });
  },
  lineEndings: (lines, rnd) => [lines.join(['\r\n', '\r', '\n\r'][pick(rnd, 3)])],
};

function damage(seedValue: number): { text: string; applied: string[] } {
  const rnd = random(seedValue);
  const names = Object.keys(mutations);
  let lines = seed.split('\n');
  const applied: string[] = [];
  for (let i = 1 + pick(rnd, 3); i > 0; i--) {
    const name = names[pick(rnd, names.length)] ?? 'truncate';
    applied.push(name);
    lines = mutations[name]?.(lines, rnd) ?? lines;
  }
  return { text: lines.join('\n'), applied };
}

describe('parsePlanText on randomly damaged text', () => {
  it(`returns a valid plan or throws a PlanImportError naming a line, for ${CASES} damaged copies`, () => {
    const outcomes = { documents: 0, errors: new Map<string, number>() };
    for (let seedValue = 1; seedValue <= CASES; seedValue++) {
      const { text, applied } = damage(seedValue);
      const lineCount = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).length;
      const label = `seed ${seedValue} (${applied.join(', ')})`;
      try {
        const document = parsePlanText(text);
        expect(PlanDocumentSchema.safeParse(document).success, label).toBe(true);
        outcomes.documents++;
      } catch (error) {
        expect(error, label).toBeInstanceOf(PlanImportError);
        const { line, code, message } = error as PlanImportError;
        expect(Number.isInteger(line) && line >= 1 && line <= lineCount, label).toBe(true);
        expect(message, label).toMatch(new RegExp(`^line ${line}: .+`));
        outcomes.errors.set(code, (outcomes.errors.get(code) ?? 0) + 1);
      }
    }
    if (process.env.PLAN_FUZZ_CASES) console.info(outcomes);
    // The damage must exercise both outcomes, or this test proves nothing.
    expect(outcomes.documents).toBeGreaterThan(100);
    expect(outcomes.errors.size).toBeGreaterThan(2);
  }, 600_000);

  it('survives whole-file garbage of every kind', () => {
    const rnd = random(42);
    for (let i = 0; i < 200; i++) {
      const text = Array.from({ length: pick(rnd, 400) }, () =>
        rnd() < 0.3
          ? (GARBAGE[pick(rnd, GARBAGE.length)] ?? '')
          : String.fromCharCode(pick(rnd, 0x10000)),
      ).join('');
      try {
        expect(PlanDocumentSchema.safeParse(parsePlanText(text)).success).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(PlanImportError);
        expect((error as PlanImportError).line).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
