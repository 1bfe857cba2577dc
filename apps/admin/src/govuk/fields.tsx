/**
 * GOV.UK Design System form fields as controlled React components. Each takes an `error` and
 * wires `aria-describedby` to its hint and error message the way GOV.UK Frontend's templates do.
 */
import type { ReactNode } from 'react';

interface FieldBase {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  /** Render the label as the page's heading (one-question pages). */
  readonly labelClass?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={`${id}-hint`} className="govuk-hint">
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}

function groupClass(error: unknown): string {
  return error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group';
}

export function TextInput({
  id,
  label,
  hint,
  error,
  labelClass,
  value,
  onChange,
  type = 'text',
  width,
  autoComplete,
  spellCheck,
  inputMode,
  name,
}: FieldBase & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'search' | 'url';
  /** GOV.UK width class suffix, e.g. `20` or `one-half`. */
  width?: string;
  autoComplete?: string;
  spellCheck?: boolean;
  inputMode?: 'numeric' | 'text';
  name?: string;
}) {
  const widthClass = width
    ? /^\d+$/.test(width)
      ? ` govuk-input--width-${width}`
      : ` govuk-!-width-${width}`
    : '';
  return (
    <div className={groupClass(error)}>
      <label className={`govuk-label ${labelClass ?? ''}`.trim()} htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
      <input
        className={`govuk-input${widthClass}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={name ?? id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        inputMode={inputMode}
      />
    </div>
  );
}

export function Textarea({
  id,
  label,
  hint,
  error,
  labelClass,
  value,
  onChange,
  rows = 5,
}: FieldBase & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <div className={groupClass(error)}>
      <label className={`govuk-label ${labelClass ?? ''}`.trim()} htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export interface Option {
  readonly value: string;
  readonly text: string;
  readonly hint?: string | undefined;
}

export function Select({
  id,
  label,
  hint,
  error,
  labelClass,
  value,
  onChange,
  options,
  inline,
}: FieldBase & {
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  /** Lay out label and select for a filter bar (no bottom margin). */
  inline?: boolean;
}) {
  return (
    <div className={`${groupClass(error)}${inline ? ' govuk-!-margin-bottom-3' : ''}`}>
      <label className={`govuk-label ${labelClass ?? ''}`.trim()} htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Radios in a fieldset. The first radio's id is `id`, so an error summary link can reach it. */
export function Radios({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
  options,
  small,
  inline,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  small?: boolean;
  inline?: boolean;
}) {
  const classes = [
    'govuk-radios',
    small ? 'govuk-radios--small' : '',
    inline ? 'govuk-radios--inline' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? <Hint id={id}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
        <div className={classes}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="govuk-radios__item" key={option.value}>
                <input
                  className="govuk-radios__input"
                  id={optionId}
                  name={id}
                  type="radio"
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                  aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={optionId}>
                  {option.text}
                </label>
                {option.hint ? (
                  <div id={`${optionId}-item-hint`} className="govuk-hint govuk-radios__hint">
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="govuk-checkboxes govuk-checkboxes--small">
      <div className="govuk-checkboxes__item">
        <input
          className="govuk-checkboxes__input"
          id={id}
          name={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

/**
 * GOV.UK's file upload. A file input cannot be controlled, so it reports the file chosen (or
 * `null` when the choice is cleared) and the form keeps what it read from it.
 */
export function FileUpload({
  id,
  label,
  hint,
  error,
  labelClass,
  accept,
  onChange,
}: FieldBase & {
  /** File types offered, e.g. `.txt,.json`. */
  accept?: string;
  onChange: (file: File | null) => void;
}) {
  return (
    <div className={groupClass(error)}>
      <label className={`govuk-label ${labelClass ?? ''}`.trim()} htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
      <input
        className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        id={id}
        name={id}
        type="file"
        accept={accept}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

/** The three parts of a GOV.UK date input, as typed. */
export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

/** `2027-03-31` → `{ day: '31', month: '3', year: '2027' }`; `null` → empty parts. */
export function datePartsFromIso(iso: string | null | undefined): DateParts {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!match) return EMPTY_DATE;
  return {
    day: String(Number(match[3])),
    month: String(Number(match[2])),
    year: match[1] as string,
  };
}

/**
 * The date typed, as `YYYY-MM-DD`; `null` when all three parts are empty; an error message
 * (GOV.UK wording) when it is incomplete or not a real date.
 */
export function isoFromDateParts(
  parts: DateParts,
  what: string,
): { iso: string | null } | { error: string } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { iso: null };
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean);
  if (missing.length > 0) return { error: `${what} must include a ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { error: `${what} must be a real date` };
  }
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { error: `${what} must be a real date` };
  }
  return { iso: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** A date that must be given: as `isoFromDateParts`, with `missing` when it is empty. */
export function requiredIsoFromDateParts(
  parts: DateParts,
  what: string,
  missing: string,
): { iso: string } | { error: string } {
  const read = isoFromDateParts(parts, what);
  if ('error' in read) return read;
  return read.iso === null ? { error: missing } : { iso: read.iso };
}

export function DateInput({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: DateParts;
  onChange: (value: DateParts) => void;
}) {
  const part = (key: keyof DateParts, label: string, width: number) => {
    const partId = key === 'day' ? id : `${id}-${key}`;
    return (
      <div className="govuk-date-input__item">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-date-input__label" htmlFor={partId}>
            {label}
          </label>
          <input
            className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
            id={partId}
            name={partId}
            type="text"
            inputMode="numeric"
            value={value[key]}
            onChange={(event) => onChange({ ...value, [key]: event.target.value })}
          />
        </div>
      </div>
    );
  };
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? <Hint id={id}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
        <div className="govuk-date-input" id={`${id}-group`}>
          {part('day', 'Day', 2)}
          {part('month', 'Month', 2)}
          {part('year', 'Year', 4)}
        </div>
      </fieldset>
    </div>
  );
}

export function Button({
  children,
  secondary,
  warning,
  disabled,
  type = 'submit',
  onClick,
}: {
  children: ReactNode;
  secondary?: boolean;
  warning?: boolean;
  disabled?: boolean;
  type?: 'submit' | 'button';
  onClick?: () => void;
}) {
  const classes = [
    'govuk-button',
    secondary ? 'govuk-button--secondary' : '',
    warning ? 'govuk-button--warning' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type={type}
      className={classes}
      disabled={disabled}
      aria-disabled={disabled ? true : undefined}
      onClick={onClick}
      data-prevent-double-click="true"
    >
      {children}
    </button>
  );
}
