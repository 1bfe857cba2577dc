/**
 * Import a plan (`/admin/plans/import`), for administrators: choose the plan's file, name and
 * date the plan, preview what loading it creates (the API's dry run: the same checks, nothing
 * written), then confirm. The text previewed is the text imported: the form keeps what it read
 * from the file, and any change to the form asks for a new preview.
 */
import { useEffect, useRef, useState } from 'react';
import { Page } from '../app/Page.js';
import { navigate } from '../app/router.js';
import { routes } from '../app/routes.js';
import { BackLink, ErrorSummary, type FieldError, SummaryList } from '../govuk/content.js';
import {
  Button,
  DateInput,
  type DateParts,
  EMPTY_DATE,
  isoFromDateParts,
  requiredIsoFromDateParts,
  TextInput,
} from '../govuk/fields.js';
import { request } from '../graphql/client.js';
import { type FragmentOf, graphql, readFragment, type VariablesOf } from '../graphql/graphql.js';
import { isFailure, MutationErrorFields } from '../graphql/mutation-errors.js';
import { useMutationForm } from '../graphql/use-mutation-form.js';
import { useSession } from '../session/session.js';
import { formatDate } from '../work/tags.js';
import { type PlanFile, PlanFileField } from './plan-file.js';

export const PlanLoadSummaryFields = graphql(`
  fragment PlanLoadSummaryFields on PlanLoadSummary {
    slug
    title
    periodStart
    periodEnd
    revisionCode
    priorities
    themes
    commitments
    crossCuttingCommitments
    measures
    reportingPeriods
  }
`);

const ImportPlanMutation = graphql(
  `
  mutation ImportPlan($input: ImportPlanInput!) {
    importPlan(input: $input) {
      __typename
      ... on ImportPlanPayload {
        preview
        summary { ...PlanLoadSummaryFields }
        plan { id slug }
      }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields, PlanLoadSummaryFields],
);

type ImportInput = Omit<VariablesOf<typeof ImportPlanMutation>['input'], 'preview'>;

/** The API's input fields → this form's field ids. */
const FIELDS = {
  text: 'plan-file',
  fileName: 'plan-file',
  title: 'plan-title',
  slug: 'plan-slug',
  vision: 'plan-vision',
  periodStart: 'plan-period-start',
  periodEnd: 'plan-period-end',
  publishedOn: 'plan-published-on',
  revisionCode: 'plan-revision-code',
} as const;

/** What a preview showed, with the exact input it was for. */
interface Previewed {
  readonly input: ImportInput;
  readonly summary: FragmentOf<typeof PlanLoadSummaryFields>;
}

export function ImportPlanPage() {
  const { recheck } = useSession();
  const [file, setFile] = useState<PlanFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [vision, setVision] = useState('');
  const [periodStart, setPeriodStart] = useState<DateParts>(EMPTY_DATE);
  const [periodEnd, setPeriodEnd] = useState<DateParts>(EMPTY_DATE);
  const [publishedOn, setPublishedOn] = useState<DateParts>(EMPTY_DATE);
  const [revisionCode, setRevisionCode] = useState('');
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const form = useMutationForm({ fields: FIELDS, fallback: 'plan-file' });

  /** Every change to the form makes the preview out of date. */
  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPreviewed(null);
    };

  const preview = form.submit(async () => {
    const start = requiredIsoFromDateParts(
      periodStart,
      'The first day of the plan',
      'Enter the first day of the plan',
    );
    const end = requiredIsoFromDateParts(
      periodEnd,
      'The last day of the plan',
      'Enter the last day of the plan',
    );
    const published = isoFromDateParts(publishedOn, 'The date the plan was published');
    const found: FieldError[] = [];
    if (fileProblem) found.push({ field: FIELDS.text, message: fileProblem });
    else if (!file) found.push({ field: FIELDS.text, message: 'Choose the plan’s file' });
    if ('error' in start) found.push({ field: FIELDS.periodStart, message: start.error });
    if ('error' in end) found.push({ field: FIELDS.periodEnd, message: end.error });
    if ('error' in published) found.push({ field: FIELDS.publishedOn, message: published.error });
    if (!file || 'error' in start || 'error' in end || 'error' in published) return found;
    // Everything else (the slug's form, a title, the file's structure) the API checks, so
    // every way in refuses the same input the same way.
    const input: ImportInput = {
      text: file.text,
      fileName: file.name,
      title: title.trim(),
      slug: slug.trim(),
      periodStart: start.iso,
      periodEnd: end.iso,
      ...(vision.trim() && { vision: vision.trim() }),
      ...(published.iso && { publishedOn: published.iso }),
      ...(revisionCode.trim() && { revisionCode: revisionCode.trim() }),
    };
    const { importPlan: result } = await request(ImportPlanMutation, {
      input: { ...input, preview: true },
    });
    if (isFailure(result)) return result;
    setPreviewed({ input, summary: result.summary });
    return null;
  });

  const confirm = () =>
    form.run(async () => {
      if (!previewed) return null;
      const { importPlan: result } = await request(ImportPlanMutation, {
        input: { ...previewed.input, preview: false },
      });
      if (isFailure(result)) {
        setPreviewed(null);
        return result;
      }
      const imported = result.plan?.slug ?? previewed.input.slug;
      // The session lists the organisation's plans: the new one must be among them to open.
      await recheck();
      navigate(routes.dashboard(imported, { imported: true }));
      return null;
    });

  return (
    <Page
      title="Import a plan"
      before={<BackLink to={routes.administration('plans')}>Back to plans</BackLink>}
      error={form.errors.length > 0}
    >
      <ErrorSummary errors={form.errors} focusKey={form.attempt} />
      <p className="govuk-body">
        Load a plan from its text as published. You can check what it creates before anything is
        saved. The plan is a draft, seen only by your organisation’s staff, until you publish it.
      </p>
      <form onSubmit={preview} noValidate>
        <PlanFileField
          id={FIELDS.text}
          label="Plan file"
          file={file}
          error={form.errorFor(FIELDS.text)}
          onRead={edited((read: PlanFile | { error: string } | null) => {
            setFile(read && 'text' in read ? read : null);
            setFileProblem(read && 'error' in read ? read.error : null);
          })}
        />
        <TextInput
          id={FIELDS.title}
          label="Title"
          hint="As published, for example Police and Crime Plan 2025 to 2029"
          value={title}
          onChange={edited(setTitle)}
          error={form.errorFor(FIELDS.title)}
        />
        <TextInput
          id={FIELDS.slug}
          label="Slug"
          hint="The short name in the plan’s web addresses: lower-case letters, numbers and hyphens, for example county-2025-29"
          value={slug}
          onChange={edited(setSlug)}
          spellCheck={false}
          autoComplete="off"
          width="20"
          error={form.errorFor(FIELDS.slug)}
        />
        <DateInput
          id={FIELDS.periodStart}
          legend="First day of the plan"
          hint="For example, 1 4 2025"
          value={periodStart}
          onChange={edited(setPeriodStart)}
          error={form.errorFor(FIELDS.periodStart)}
        />
        <DateInput
          id={FIELDS.periodEnd}
          legend="Last day of the plan"
          hint="For example, 31 3 2029"
          value={periodEnd}
          onChange={edited(setPeriodEnd)}
          error={form.errorFor(FIELDS.periodEnd)}
        />
        <DateInput
          id={FIELDS.publishedOn}
          legend="Date the plan was published (optional)"
          hint="Leave it blank if it was published on its first day"
          value={publishedOn}
          onChange={edited(setPublishedOn)}
          error={form.errorFor(FIELDS.publishedOn)}
        />
        <TextInput
          id={FIELDS.revisionCode}
          label="Revision code (optional)"
          hint="What later revisions call this text, for example 2025. Leave it blank for the year the plan starts."
          value={revisionCode}
          onChange={edited(setRevisionCode)}
          spellCheck={false}
          width="10"
          error={form.errorFor(FIELDS.revisionCode)}
        />
        <TextInput
          id={FIELDS.vision}
          label="Vision (optional)"
          hint="The plan’s one-line vision, if it has one"
          value={vision}
          onChange={edited(setVision)}
          error={form.errorFor(FIELDS.vision)}
        />
        <Button secondary={previewed !== null} disabled={form.pending}>
          Preview
        </Button>
      </form>
      {previewed ? (
        <LoadPreview
          summary={previewed.summary}
          pending={form.pending}
          onConfirm={() => void confirm()}
        />
      ) : null}
    </Page>
  );
}

/** What importing will create, and the button that does it. */
function LoadPreview({
  summary: data,
  pending,
  onConfirm,
}: {
  summary: FragmentOf<typeof PlanLoadSummaryFields>;
  pending: boolean;
  onConfirm: () => void;
}) {
  const summary = readFragment(PlanLoadSummaryFields, data);
  const heading = useRef<HTMLHeadingElement>(null);
  // The preview is the answer to pressing the button: take the reader there.
  useEffect(() => heading.current?.focus(), []);
  const quarters = summary.reportingPeriods;
  return (
    <section aria-labelledby="preview-heading" data-testid="import-preview">
      <h2 className="govuk-heading-m" id="preview-heading" ref={heading} tabIndex={-1}>
        What importing this plan will create
      </h2>
      <SummaryList
        rows={[
          { key: 'Title', value: summary.title },
          { key: 'Slug', value: summary.slug },
          {
            key: 'Period',
            value: `${formatDate(summary.periodStart)} to ${formatDate(summary.periodEnd)}`,
          },
          { key: 'Revision code', value: summary.revisionCode },
          { key: 'Priorities', value: summary.priorities },
          { key: 'Themes', value: summary.themes },
          { key: 'Commitments', value: summary.commitments },
          { key: 'Cross-cutting commitments', value: summary.crossCuttingCommitments },
          { key: 'Measures', value: summary.measures },
          {
            key: 'Reporting periods',
            value: (
              <>
                {quarters.length} quarters
                {quarters.length > 0 ? `, ${quarters[0]} to ${quarters.at(-1)}` : ''}
                <details className="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  <summary className="govuk-details__summary">
                    <span className="govuk-details__summary-text">Every quarter</span>
                  </summary>
                  <div className="govuk-details__text">
                    <ul className="govuk-list" data-testid="preview-periods">
                      {quarters.map((quarter) => (
                        <li key={quarter}>{quarter}</li>
                      ))}
                    </ul>
                  </div>
                </details>
              </>
            ),
          },
        ]}
      />
      <p className="govuk-body">
        Nothing has been saved yet. To change something, change it above and preview again.
      </p>
      <Button disabled={pending} type="button" onClick={onConfirm}>
        Confirm and import
      </Button>
    </section>
  );
}
