/**
 * How lifecycle status and RAG look: GOV.UK tags with the domain's wording (never re-worded
 * here) and a colour that never carries the meaning alone.
 */
import {
  LIFECYCLE_STATUSES,
  type LifecycleStatus,
  lifecycleStatusLabel,
  PLAN_TIME_ZONE,
  RAGS,
  type Rag,
  ragLabel,
} from '@plan-tracker/domain';
import { Tag, type TagColour } from '../govuk/content.js';
import type { Option } from '../govuk/fields.js';

const STATUS_COLOURS: Record<LifecycleStatus, TagColour> = {
  NOT_STARTED: 'grey',
  IN_PROGRESS: 'blue',
  ONGOING: 'teal',
  COMPLETED: 'green',
  DEFERRED: 'yellow',
  WITHDRAWN: 'purple',
};

const RAG_COLOURS: Record<Rag, TagColour> = { GREEN: 'green', AMBER: 'orange', RED: 'red' };

export function StatusTag({ status }: { status: LifecycleStatus }) {
  return <Tag colour={STATUS_COLOURS[status]}>{lifecycleStatusLabel(status)}</Tag>;
}

/** A RAG tag; "Not yet rated" is plain secondary text, so it never reads as a colour. */
export function RagTag({ rag }: { rag: Rag | null | undefined }) {
  if (!rag) return <span className="app-secondary-text">{ragLabel(null)}</span>;
  return <Tag colour={RAG_COLOURS[rag]}>{ragLabel(rag)}</Tag>;
}

export function OverdueTag() {
  return <Tag colour="red">Overdue</Tag>;
}

/** Every status, for filters. */
export const STATUS_OPTIONS: readonly Option[] = LIFECYCLE_STATUSES.map((status) => ({
  value: status,
  text: lifecycleStatusLabel(status),
}));

/** Every RAG rating and "not yet rated" (value `NONE`), for filters. */
export const RAG_OPTIONS: readonly Option[] = [
  ...RAGS.map((rag) => ({ value: rag, text: ragLabel(rag) })),
  { value: 'NONE', text: ragLabel(null) },
];

/** `2027-03-31` → `31 March 2027`, the GOV.UK date style. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'Not set';
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return iso;
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** An instant as `4 March 2026 at 2:15pm` in the plan's time zone (UK time). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  const day = date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: PLAN_TIME_ZONE,
  });
  const time = date
    .toLocaleTimeString('en-GB', {
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
      timeZone: PLAN_TIME_ZONE,
    })
    .replace(' ', '')
    .toLowerCase();
  return `${day} at ${time}`;
}
