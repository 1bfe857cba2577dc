/** Reading the files a command is given, with the reason a person can act on when it fails. */
import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error.js';

/** The file's text; a CliError such as `cannot read plan.txt: no such file`. */
export async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${fileErrorReason(error)}`);
  }
}

/** Why a file could not be read or written, in plain words for the common cases. */
export function fileErrorReason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'it is a folder, not a file';
    if (code === 'EACCES') return 'permission denied';
  }
  return error instanceof Error ? error.message : String(error);
}
