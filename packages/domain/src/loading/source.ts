/**
 * A plan's source as people hand it over: the plan's text (the shape `parsePlanText` reads) or
 * the JSON that `pnpm cli import-plan` prints (a {@link PlanDocument}). One reader for both, so
 * the command line, GraphQL and the admin app accept the same files and fail the same way.
 */
import { type ParseError, printParseErrorCode, visit } from 'jsonc-parser';
import { parsePlanText } from '../importer/parse-plan-text.js';
import { PlanImportError } from '../importer/plan-import-error.js';
import { type PlanDocument, PlanDocumentSchema } from '../importer/schema.js';

/** Options of {@link readPlanSource}. */
export interface ReadPlanSourceOptions {
  /** The file's name, put before line numbers in error messages. */
  readonly sourceName?: string | undefined;
}

/** True when the content is JSON rather than plan text: it starts with `{` (after blanks). */
export function isPlanJson(content: string): boolean {
  return content
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{');
}

/**
 * Reads plan text or a PlanDocument's JSON into a validated {@link PlanDocument}. Pure.
 *
 * @param content - the file's content
 * @throws {@link PlanImportError} naming the line (text and JSON syntax) or the field (JSON that
 *   is not a PlanDocument) at fault; never anything else
 */
export function readPlanSource(content: string, options: ReadPlanSourceOptions = {}): PlanDocument {
  const sourceName = options.sourceName;
  if (!isPlanJson(content)) return parsePlanText(content, { sourceName });
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    const { line, detail } = jsonSyntaxFault(content, error);
    throw new PlanImportError(
      'IMPORT_INVALID_DOCUMENT',
      line,
      `the file starts like JSON but is not valid JSON (${detail}) — give the JSON that "pnpm cli import-plan" prints, or the plan's text`,
      sourceName,
    );
  }
  const checked = PlanDocumentSchema.safeParse(json);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const path = issue?.path.length ? issue.path.join('.') : 'the top level';
    throw new PlanImportError(
      'IMPORT_INVALID_DOCUMENT',
      lineOfPath(content, issue?.path ?? []),
      `the JSON is not a plan document: at ${path}, ${lowerFirst(issue?.message ?? 'unknown problem')} — give the JSON that "pnpm cli import-plan" prints`,
      sourceName,
    );
  }
  return checked.data;
}

/**
 * Where JSON that `JSON.parse` refused goes wrong: V8's messages do not always give a position,
 * so jsonc-parser (a strict scanner, comments and trailing commas refused) finds the first fault.
 */
function jsonSyntaxFault(content: string, error: unknown): { line: number; detail: string } {
  const faults: ParseError[] = [];
  visit(
    content,
    {
      onError: (code, offset) => faults.push({ error: code, offset, length: 0 }),
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  const first = faults[0];
  if (!first) {
    const message = error instanceof Error ? error.message : String(error);
    return { line: 1, detail: lowerFirst(message) };
  }
  return {
    line: content.slice(0, first.offset).split('\n').length,
    detail: describeFault(printParseErrorCode(first.error)),
  };
}

/** `PropertyNameExpected` → `a property name expected`, as a person reads it. */
function describeFault(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.endsWith(' expected') ? `${words.slice(0, -9)} was expected` : words;
}

/**
 * The line where a field of pretty-printed JSON is, found by walking its keys in order; the
 * start of the nearest enclosing key found, else 1. Good enough to point a person at the fault.
 */
function lineOfPath(content: string, path: readonly PropertyKey[]): number {
  let offset = 0;
  let found = 0;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    const at = content.indexOf(`"${key}"`, offset);
    if (at === -1) break;
    offset = at + key.length + 2;
    found = at;
  }
  return content.slice(0, found).split('\n').length;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
