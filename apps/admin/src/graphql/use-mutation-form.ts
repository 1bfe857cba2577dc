/**
 * One hook for every form that saves through a mutation: its errors (for the error summary and
 * each field), whether a save is under way (one at a time), and what a failure shows. A save
 * answers nothing when it worked, the errors it found before sending anything, or the API's
 * failure, which is shown by its code (see mutation-errors.ts). A FORBIDDEN answer most often
 * means the session ended while the form was open: the session is checked again, which takes
 * the person to sign in when it has, and what they typed is waiting when they come back.
 */
import { type FormEvent, useCallback, useRef, useState } from 'react';
import type { FieldError } from '../govuk/content.js';
import { useSession } from '../session/session.js';
import { RequestFailure } from './client.js';
import { type FailureFields, failureErrors, type MutationFailure } from './mutation-errors.js';

/** What a save answers: nothing (saved), errors found before sending, or the API's failure. */
export type SaveOutcome = undefined | null | readonly FieldError[] | MutationFailure;

export interface MutationFormOptions {
  /** Where issues go: the API's input field names → the form's field ids (or a function). */
  readonly fields?: FailureFields;
  /** Where failures without a field go: the form's first field. */
  readonly fallback: string;
  /**
   * Shows a failure the form's own way (a conflict, say). Returns the errors to show instead of
   * the usual ones (`[]` for none), or `null` for the usual ones.
   */
  readonly onFailure?: (
    failure: MutationFailure,
  ) => Promise<readonly FieldError[] | null> | readonly FieldError[] | null;
  /** Whether FORBIDDEN checks the session again (not on the sign-in form itself). */
  readonly recheckOnForbidden?: boolean;
}

export interface MutationForm {
  readonly errors: readonly FieldError[];
  readonly errorFor: (field: string) => string | undefined;
  /** Changes on every failed attempt, so the error summary takes focus again. */
  readonly attempt: number;
  readonly pending: boolean;
  /** Shows errors found without asking the API. */
  readonly fail: (errors: readonly FieldError[]) => void;
  readonly clear: () => void;
  /** Runs a save, unless one is under way; true when it worked. */
  readonly run: (save: () => Promise<SaveOutcome>) => Promise<boolean>;
  /** `run` as a form's `onSubmit`. */
  readonly submit: (save: () => Promise<SaveOutcome>) => (event: FormEvent) => void;
}

const SERVICE_PROBLEM =
  'Sorry, there is a problem with the service. Nothing has been saved. Try again.';

export function useMutationForm(options: MutationFormOptions): MutationForm {
  const { recheck } = useSession();
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const busy = useRef(false);
  // The latest options without making `run` change on every render.
  const latest = useRef(options);
  latest.current = options;

  const fail = useCallback((found: readonly FieldError[]) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  }, []);
  const clear = useCallback(() => setErrors([]), []);

  const run = useCallback(
    async (save: () => Promise<SaveOutcome>): Promise<boolean> => {
      if (busy.current) return false;
      busy.current = true;
      setPending(true);
      const { fields = {}, fallback, onFailure, recheckOnForbidden = true } = latest.current;
      try {
        const outcome = await save();
        if (!outcome || (Array.isArray(outcome) && outcome.length === 0)) {
          setErrors([]);
          return true;
        }
        if (Array.isArray(outcome)) {
          fail(outcome);
          return false;
        }
        const failure = outcome as MutationFailure;
        if (failure.code === 'FORBIDDEN' && recheckOnForbidden) await recheck();
        const shown = (await onFailure?.(failure)) ?? failureErrors(failure, fields, fallback);
        if (shown.length === 0) setErrors([]);
        else fail(shown);
        return false;
      } catch (caught) {
        fail([
          {
            field: fallback,
            message: caught instanceof RequestFailure ? caught.message : SERVICE_PROBLEM,
          },
        ]);
        return false;
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [fail, recheck],
  );

  const submit = useCallback(
    (save: () => Promise<SaveOutcome>) => (event: FormEvent) => {
      event.preventDefault();
      void run(save);
    },
    [run],
  );

  return {
    errors,
    errorFor: (field) => errors.find((e) => e.field === field)?.message,
    attempt,
    pending,
    fail,
    clear,
    run,
    submit,
  };
}
