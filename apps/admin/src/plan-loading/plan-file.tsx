/**
 * The plan file a person chooses, read in the browser: the API takes a plan's text (or its
 * PlanDocument as JSON) as a string, with the file's name for its error messages. What was
 * read is kept by the form, so a preview and its confirmation send the same text without
 * asking for the file again.
 */
import { FileUpload } from '../govuk/fields.js';

/** A plan file, read. */
export interface PlanFile {
  readonly name: string;
  readonly text: string;
}

/** The file types the API reads: a plan's text as published, or `import-plan`'s JSON. */
const ACCEPTED = ['.txt', '.json'] as const;

/**
 * The API refuses a text longer than this (apps/api/src/schema/plan-loading.ts); saying so
 * here saves sending a megabyte to be told.
 */
const MOST_CHARACTERS = 900_000;

/** The file's text, or why it cannot be loaded. */
export async function readPlanFile(file: File): Promise<PlanFile | { error: string }> {
  const name = file.name;
  if (!ACCEPTED.some((ending) => name.toLowerCase().endsWith(ending))) {
    return { error: 'The plan file must be a .txt or .json file' };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { error: 'The plan file could not be read. Choose it again.' };
  }
  if (!text.trim()) return { error: 'The plan file is empty' };
  if (text.length > MOST_CHARACTERS) {
    return { error: 'The plan file must be at most 900,000 characters' };
  }
  return { name, text };
}

/** The file field of the import and revision forms. */
export function PlanFileField({
  id,
  label,
  file,
  error,
  onRead,
}: {
  id: string;
  label: string;
  /** What was read from the file chosen, if any. */
  file: PlanFile | null;
  error: string | undefined;
  /** The file read, or why it cannot be used (`null` when the choice is cleared). */
  onRead: (read: PlanFile | { error: string } | null) => void;
}) {
  return (
    <FileUpload
      id={id}
      label={label}
      hint={
        <>
          A .txt file of the plan’s text as published (headings, “I will:” and bullets), or a .json
          plan document.
          {file ? (
            <span className="govuk-!-display-block govuk-!-margin-top-1" data-testid="file-read">
              Read {file.name}: {file.text.split('\n').length.toLocaleString('en-GB')} lines.
            </span>
          ) : null}
        </>
      }
      accept={ACCEPTED.join(',')}
      error={error}
      onChange={(chosen) => {
        if (!chosen) onRead(null);
        else void readPlanFile(chosen).then(onRead);
      }}
    />
  );
}
