/**
 * Load a revision (`/admin/plans/<plan>/revise`), for administrators: a newer text of the plan,
 * its code and publication date. The preview (the API's dry run) says what it changes,
 * commitment by commitment; confirming applies it to the plan as it was read (`version`). If
 * someone changed the plan in between, nothing is loaded, and the page says so and offers to
 * read the plan again, keeping the file and what was typed.
 */
import { useEffect, useRef, useState } from 'react';
import { FailurePage, Loading, Page } from '../app/Page.js';
import { Link } from '../app/router.js';
import { routes } from '../app/routes.js';
import {
  BackLink,
  ErrorSummary,
  type FieldError,
  NotificationBanner,
  SummaryList,
} from '../govuk/content.js';
import {
  Button,
  DateInput,
  type DateParts,
  EMPTY_DATE,
  requiredIsoFromDateParts,
  Textarea,
  TextInput,
} from '../govuk/fields.js';
import { RequestFailure, request } from '../graphql/client.js';
import { type FragmentOf, graphql, type VariablesOf } from '../graphql/graphql.js';
import { isFailure, MutationErrorFields } from '../graphql/mutation-errors.js';
import { useMutationForm } from '../graphql/use-mutation-form.js';
import { useQuery } from '../graphql/use-query.js';
import { usePlan } from '../plan/plan.js';
import { useSession } from '../session/session.js';
import { formatDate } from '../work/tags.js';
import { type PlanFile, PlanFileField } from './plan-file.js';
import { RevisionDiff, RevisionDiffFields } from './RevisionDiff.js';

const RevisePlanPageQuery = graphql(`
  query RevisePlanPage($slug: String!) {
    plan(slug: $slug) {
      id
      title
      version
      revisions { id code publishedOn }
    }
  }
`);

const RevisePlanMutation = graphql(
  `
  mutation RevisePlan($input: RevisePlanInput!) {
    revisePlan(input: $input) {
      __typename
      ... on RevisePlanPayload {
        preview
        effectiveOn
        diff { ...RevisionDiffFields }
        plan { id version }
      }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields, RevisionDiffFields],
);

type ReviseInput = Omit<VariablesOf<typeof RevisePlanMutation>['input'], 'preview'>;

/** The API's input fields → this form's field ids. */
const FIELDS = {
  text: 'revision-file',
  fileName: 'revision-file',
  code: 'revision-code',
  publishedOn: 'revision-published-on',
  title: 'revision-title',
  summary: 'revision-summary',
} as const;

interface Previewed {
  readonly input: ReviseInput;
  readonly effectiveOn: string;
  readonly diff: FragmentOf<typeof RevisionDiffFields>;
}

/** Someone changed the plan after it was read: the version read, and the version now. */
interface Stale {
  readonly read: number;
  readonly now: number | null;
}

export function RevisePlanPage() {
  const { slug } = usePlan();
  const { data, error, reload } = useQuery(RevisePlanPageQuery, { slug });
  const { recheck } = useSession();
  const [file, setFile] = useState<PlanFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [publishedOn, setPublishedOn] = useState<DateParts>(EMPTY_DATE);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [stale, setStale] = useState<Stale | null>(null);
  const [applied, setApplied] = useState<Previewed | null>(null);
  const plan = data?.plan;
  const form = useMutationForm({
    fields: FIELDS,
    fallback: FIELDS.text,
    onFailure: (failure) => {
      if (failure.code !== 'CONFLICT') return null;
      setPreviewed(null);
      setStale({ read: plan?.version ?? 0, now: failure.currentVersion ?? null });
      // Said by the notice below, which takes focus: there is no field to put right.
      return [];
    },
  });

  if (error) return <FailurePage failure={error} />;
  if (!data) {
    return (
      <Page title="Load a revision">
        <Loading what="the plan" />
      </Page>
    );
  }
  if (!plan || plan.version === null) return <FailurePage failure={notFound} />;
  const version = plan.version;

  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPreviewed(null);
    };

  const preview = form.submit(async () => {
    const published = requiredIsoFromDateParts(
      publishedOn,
      'The date the revision was published',
      'Enter the date the revision was published',
    );
    const found: FieldError[] = [];
    if (fileProblem) found.push({ field: FIELDS.text, message: fileProblem });
    else if (!file) found.push({ field: FIELDS.text, message: 'Choose the revision’s file' });
    if (!code.trim()) found.push({ field: FIELDS.code, message: 'Enter the revision’s code' });
    if ('error' in published) found.push({ field: FIELDS.publishedOn, message: published.error });
    if (!file || found.length > 0 || 'error' in published) return found;
    const input: ReviseInput = {
      plan: plan.id,
      expectedVersion: version,
      text: file.text,
      fileName: file.name,
      code: code.trim(),
      publishedOn: published.iso,
      ...(title.trim() && { title: title.trim() }),
      ...(summary.trim() && { summary: summary.trim() }),
    };
    setStale(null);
    const { revisePlan: result } = await request(RevisePlanMutation, {
      input: { ...input, preview: true },
    });
    if (isFailure(result)) return result;
    setPreviewed({ input, effectiveOn: result.effectiveOn, diff: result.diff });
    return null;
  });

  const confirm = () =>
    form.run(async () => {
      if (!previewed) return null;
      const { revisePlan: result } = await request(RevisePlanMutation, {
        input: { ...previewed.input, preview: false },
      });
      if (isFailure(result)) return result;
      setApplied({ ...previewed, effectiveOn: result.effectiveOn, diff: result.diff });
      setPreviewed(null);
      // The plan's title may have changed with it; the header and the plans read the session.
      await Promise.all([reload(), recheck()]);
      return null;
    });

  const before = <BackLink to={routes.administration('plans')}>Back to plans</BackLink>;

  if (applied) {
    return (
      <Page title="Load a revision" caption={plan.title} before={before}>
        <NotificationBanner type="success" heading={`Revision ${applied.input.code} is loaded`}>
          <p className="govuk-body">
            Its changes hold from {formatDate(applied.effectiveOn)}. The plan as at earlier dates
            keeps the earlier wording.
          </p>
        </NotificationBanner>
        <h2 className="govuk-heading-m">What it changed</h2>
        <RevisionDiff diff={applied.diff} />
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={routes.commitments(slug)}>
              See the plan’s commitments
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={routes.administration('plans')}>
              Back to plans
            </Link>
          </li>
        </ul>
      </Page>
    );
  }

  const latest = plan.revisions.at(-1);
  return (
    <Page
      title="Load a revision"
      caption={plan.title}
      before={before}
      error={form.errors.length > 0}
    >
      <ErrorSummary errors={form.errors} focusKey={form.attempt} />
      {stale ? (
        <NotificationBanner
          title="Important"
          heading="This plan has changed since you opened this page"
          takeFocus
        >
          <div data-testid="revision-conflict">
            <p className="govuk-body">
              Someone published, retitled, archived or revised it
              {stale.now !== null
                ? ` (it is now at version ${stale.now}; you read version ${stale.read})`
                : ''}
              . Nothing has been loaded.
            </p>
            <p className="govuk-body">
              Read the plan again, then preview the revision again. The file you chose and what you
              typed are kept.
            </p>
            <Button
              type="button"
              onClick={() => {
                setStale(null);
                void reload();
              }}
            >
              Read the plan again
            </Button>
          </div>
        </NotificationBanner>
      ) : null}
      <p className="govuk-body">
        Load a newer text of this plan. Commitments it adds are introduced by the revision, those it
        drops are withdrawn (kept, with their actions and updates), and reworded ones keep their
        actions and updates. You can check what it changes before anything is saved.
      </p>
      <SummaryList
        rows={[
          {
            key: 'Revisions so far',
            value:
              plan.revisions.length > 0
                ? plan.revisions
                    .map((r) => `${r.code} (published ${formatDate(r.publishedOn)})`)
                    .join(', ')
                : 'None',
          },
        ]}
      />
      <form onSubmit={preview} noValidate>
        <PlanFileField
          id={FIELDS.text}
          label="File of the revised plan"
          file={file}
          error={form.errorFor(FIELDS.text)}
          onRead={edited((read: PlanFile | { error: string } | null) => {
            setFile(read && 'text' in read ? read : null);
            setFileProblem(read && 'error' in read ? read.error : null);
          })}
        />
        <TextInput
          id={FIELDS.code}
          label="Revision code"
          hint="A short code for this revision, for example 2027"
          value={code}
          onChange={edited(setCode)}
          spellCheck={false}
          width="10"
          error={form.errorFor(FIELDS.code)}
        />
        <DateInput
          id={FIELDS.publishedOn}
          legend="Date the revision was published"
          hint={`Its changes hold from this date${latest ? `, which must be after ${formatDate(latest.publishedOn)} (revision ${latest.code})` : ''}. For example, 1 10 2026`}
          value={publishedOn}
          onChange={edited(setPublishedOn)}
          error={form.errorFor(FIELDS.publishedOn)}
        />
        <TextInput
          id={FIELDS.title}
          label="Title it was published under (optional)"
          hint={`Leave it blank to keep ${plan.title}`}
          value={title}
          onChange={edited(setTitle)}
          error={form.errorFor(FIELDS.title)}
        />
        <Textarea
          id={FIELDS.summary}
          label="What it changes (optional)"
          hint="In your words, for the plan’s history. Leave it blank for a count of the changes."
          rows={3}
          value={summary}
          onChange={edited(setSummary)}
          error={form.errorFor(FIELDS.summary)}
        />
        <Button secondary={previewed !== null} disabled={form.pending}>
          Preview
        </Button>
      </form>
      {previewed ? (
        <RevisionPreview
          previewed={previewed}
          pending={form.pending}
          onConfirm={() => void confirm()}
        />
      ) : null}
    </Page>
  );
}

const notFound = new RequestFailure('NOT_FOUND', 'There is no such plan of your organisation.');

function RevisionPreview({
  previewed,
  pending,
  onConfirm,
}: {
  previewed: Previewed;
  pending: boolean;
  onConfirm: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The preview is the answer to pressing the button: take the reader there.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="preview-heading" data-testid="revision-preview">
      <h2 className="govuk-heading-m" id="preview-heading" ref={heading} tabIndex={-1}>
        What revision {previewed.input.code} will change
      </h2>
      <SummaryList
        rows={[
          { key: 'Revision code', value: previewed.input.code },
          { key: 'Changes hold from', value: formatDate(previewed.effectiveOn) },
        ]}
      />
      <RevisionDiff diff={previewed.diff} />
      <p className="govuk-body">
        Nothing has been saved yet. To change something, change it above and preview again.
      </p>
      <Button disabled={pending} type="button" onClick={onConfirm}>
        Confirm and load the revision
      </Button>
    </section>
  );
}
