// Scalars and the vocabularies shared by every type.
import {
  type CROSS_CUTTING_SECTIONS,
  isIsoDate,
  LIFECYCLE_STATUS_LABELS,
  LIFECYCLE_STATUSES,
  type MEASURE_DIRECTIONS,
  type PANEL_ACTION_STATUSES,
  RAG_LABELS,
  RAGS,
} from '@plan-tracker/domain';
import { GraphQLError, Kind } from 'graphql';
import { GraphQLDateTimeISO, GraphQLJSON } from 'graphql-scalars';
import { builder } from '../builder.js';

function dateError(value: unknown): GraphQLError {
  return new GraphQLError(
    `${JSON.stringify(value)} is not a calendar date. Use the form YYYY-MM-DD, for example 2021-05-13.`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

// Ours, not graphql-scalars': its `Date` parses into a JavaScript Date at UTC midnight, and
// every resolver and the domain take the `YYYY-MM-DD` string (isIsoDate is the one rule); its
// `LocalDate` keeps the string but refuses to serialise the Date objects Prisma returns for date
// columns, and says only "Value is not a valid LocalDate: 2021-02-30", naming a scalar this schema
// does not have and not the form to use. Both reject 2021-02-30, as isIsoDate does.
builder.scalarType('Date', {
  description: 'A calendar date as `YYYY-MM-DD` (e.g. `2021-05-13`), without a time or time zone.',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (isIsoDate(value)) return value;
    throw dateError(value);
  },
  parseValue: (value) => {
    if (isIsoDate(value)) return value;
    throw dateError(value);
  },
  parseLiteral: (node) => {
    if (node.kind === Kind.STRING && isIsoDate(node.value)) return node.value;
    throw dateError(node.kind === Kind.STRING ? node.value : node.kind);
  },
});

// graphql-scalars' DateTimeISO under our name: RFC 3339 in, `toISOString()` out (its DateTime
// would hand a Date object to the serialiser of the response; the JSON is the same, the result in
// process is not).
builder.addScalarType('DateTime', GraphQLDateTimeISO, {
  description: 'An instant as an ISO 8601 date and time in UTC, e.g. `2021-08-24T08:30:00.000Z`.',
});

builder.addScalarType('JSON', GraphQLJSON, {
  description:
    'Any JSON value (object, array, string, number, boolean or null), sent as it is. Used where the shape varies, such as the fields an audit entry changed.',
});

export const LifecycleStatusEnum = builder.enumType('LifecycleStatus', {
  description:
    'Where a commitment or action is in its life, independent of how well it is going (RAG).',
  values: Object.fromEntries(
    LIFECYCLE_STATUSES.map((status) => [status, { description: LIFECYCLE_STATUS_LABELS[status] }]),
  ) as Record<(typeof LIFECYCLE_STATUSES)[number], { description: string }>,
});

export const RagEnum = builder.enumType('Rag', {
  description: 'Red/amber/green rating. Fields of this type are null until the first rating.',
  values: Object.fromEntries(RAGS.map((rag) => [rag, { description: RAG_LABELS[rag] }])) as Record<
    (typeof RAGS)[number],
    { description: string }
  >,
});

export const MeasureDirectionEnum = builder.enumType('MeasureDirection', {
  description: "Whether a rise in a measure's value is good news, bad news or neither.",
  values: {
    HIGHER_IS_BETTER: { description: 'A rise is good news.' },
    LOWER_IS_BETTER: { description: 'A fall is good news.' },
    NEUTRAL: { description: 'Neither direction is good or bad in itself.' },
  } satisfies Record<(typeof MEASURE_DIRECTIONS)[number], { description: string }>,
});

export const PanelActionStatusEnum = builder.enumType('PanelActionStatus', {
  description: 'Where an action the Police and Crime Panel asked for stands.',
  values: {
    OPEN: { description: 'Asked for, not yet started.' },
    IN_PROGRESS: { description: 'Being worked on.' },
    COMPLETED: { description: 'Done and reported back.' },
    DROPPED: { description: 'No longer pursued.' },
  } satisfies Record<(typeof PANEL_ACTION_STATUSES)[number], { description: string }>,
});

export const CrossCuttingSectionEnum = builder.enumType('CrossCuttingSection', {
  description: 'The three sections of "I will" commitments after the six priorities.',
  values: {
    NATIONAL_STRATEGIES: { description: 'Support national policing strategies.' },
    POLICE_AND_EMERGENCY_SERVICES: {
      description: 'Collaborate with police and emergency services.',
    },
    PARTNERS: { description: 'Work with partners.' },
  } satisfies Record<(typeof CROSS_CUTTING_SECTIONS)[number], { description: string }>,
});

export const RoleEnum = builder.enumType('Role', {
  description: 'What a member of staff may do.',
  values: {
    ADMIN: { description: 'Everything, including API keys and closing reporting periods.' },
    EDITOR: { description: 'Edit any commitment, action, update and measure.' },
    CONTRIBUTOR: { description: 'Edit the status and updates of the work they own only.' },
    VIEWER: { description: 'Read everything of the organisation, change nothing.' },
  },
});

export const SortDirectionEnum = builder.enumType('SortDirection', {
  description: 'Ascending or descending order.',
  values: {
    ASC: { description: 'Smallest, earliest or first in the alphabet first.' },
    DESC: { description: 'Largest, latest or last in the alphabet first.' },
  },
});
