/**
 * What a revision changes (the API's PlanRevisionDiff): its one-line summary, then each kind of
 * change as a table: commitments added, withdrawn, reworded and renumbered, and priorities and
 * themes added or retitled. Kinds with nothing in them say so in a line instead of a table.
 */
import type { ReactNode } from 'react';
import { type FragmentOf, graphql, readFragment } from '../graphql/graphql.js';

export const RevisionDiffFields = graphql(`
  fragment RevisionDiffFields on PlanRevisionDiff {
    summary
    unchanged
    added { code text }
    withdrawn { code text }
    reworded { code before after }
    renumbered { fromCode toCode text }
    prioritiesAdded { number title }
    prioritiesRetitled { number before after }
    themesAdded { priorityNumber position title }
    themesRetitled { priorityNumber position before after }
  }
`);

interface Column<Row> {
  readonly heading: string;
  readonly cell: (row: Row) => ReactNode;
  /** The first column heads its row (`th scope="row"`). */
  readonly rowHeader?: boolean;
}

/** One kind of change: a table with a caption, or a line saying there is none (if `none`). */
function ChangeTable<Row>({
  caption,
  note,
  none,
  rows,
  columns,
  rowKey,
  testId,
}: {
  caption: string;
  /** What the reader should know about this kind of change. */
  note?: string;
  none?: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  testId: string;
}) {
  if (rows.length === 0) {
    if (none === undefined) return null;
    return (
      <>
        <h3 className="govuk-heading-s govuk-!-margin-bottom-2">{caption}</h3>
        <p className="govuk-body" data-testid={testId}>
          {none}
        </p>
      </>
    );
  }
  return (
    <table className="govuk-table" data-testid={testId}>
      <caption className="govuk-table__caption govuk-table__caption--s">
        {caption}
        {note ? (
          <span className="govuk-body-s govuk-!-display-block govuk-!-font-weight-regular govuk-!-margin-bottom-0">
            {note}
          </span>
        ) : null}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column) => (
            <th scope="col" className="govuk-table__header" key={column.heading}>
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={rowKey(row)}>
            {columns.map((column) =>
              column.rowHeader ? (
                <th scope="row" className="govuk-table__header" key={column.heading}>
                  {column.cell(row)}
                </th>
              ) : (
                <td className="govuk-table__cell" data-label={column.heading} key={column.heading}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RevisionDiff({ diff: data }: { diff: FragmentOf<typeof RevisionDiffFields> }) {
  const diff = readFragment(RevisionDiffFields, data);
  const structureChanges =
    diff.prioritiesAdded.length +
    diff.prioritiesRetitled.length +
    diff.themesAdded.length +
    diff.themesRetitled.length;
  return (
    <>
      <p className="govuk-body-l" data-testid="diff-summary">
        {diff.summary}
      </p>
      <ChangeTable
        caption="Commitments added"
        none="No commitments are added."
        testId="diff-added"
        rows={diff.added}
        rowKey={(c) => c.code}
        columns={[
          { heading: 'Code', cell: (c) => c.code, rowHeader: true },
          { heading: 'Commitment', cell: (c) => c.text },
        ]}
      />
      <ChangeTable
        caption="Commitments withdrawn"
        note="Each is kept, marked withdrawn, with its delivery actions and updates."
        none="No commitments are withdrawn."
        testId="diff-withdrawn"
        rows={diff.withdrawn}
        rowKey={(c) => c.code}
        columns={[
          { heading: 'Code', cell: (c) => c.code, rowHeader: true },
          { heading: 'Commitment', cell: (c) => c.text },
        ]}
      />
      <ChangeTable
        caption="Commitments reworded"
        note="Each keeps its delivery actions and updates; its history keeps the earlier wording."
        none="No commitments are reworded."
        testId="diff-reworded"
        rows={diff.reworded}
        rowKey={(c) => c.code}
        columns={[
          { heading: 'Code', cell: (c) => c.code, rowHeader: true },
          { heading: 'Until now', cell: (c) => c.before },
          { heading: 'From the revision', cell: (c) => c.after },
        ]}
      />
      <ChangeTable
        caption="Commitments renumbered"
        none="No commitments are renumbered."
        testId="diff-renumbered"
        rows={diff.renumbered}
        rowKey={(c) => c.fromCode}
        columns={[
          { heading: 'Code until now', cell: (c) => c.fromCode, rowHeader: true },
          { heading: 'Code from the revision', cell: (c) => c.toCode },
          { heading: 'Commitment', cell: (c) => c.text },
        ]}
      />
      <p className="govuk-body" data-testid="diff-unchanged">
        {diff.unchanged === 1
          ? '1 commitment keeps its code and wording.'
          : `${diff.unchanged} commitments keep their code and wording.`}
      </p>
      {structureChanges === 0 ? (
        <p className="govuk-body" data-testid="diff-structure">
          No priorities or themes are added or retitled.
        </p>
      ) : (
        <>
          <ChangeTable
            caption="Priorities added"
            testId="diff-priorities-added"
            rows={diff.prioritiesAdded}
            rowKey={(p) => String(p.number)}
            columns={[
              { heading: 'Priority', cell: (p) => p.number, rowHeader: true },
              { heading: 'Title', cell: (p) => p.title },
            ]}
          />
          <ChangeTable
            caption="Priorities retitled"
            testId="diff-priorities-retitled"
            rows={diff.prioritiesRetitled}
            rowKey={(p) => String(p.number)}
            columns={[
              { heading: 'Priority', cell: (p) => p.number, rowHeader: true },
              { heading: 'Until now', cell: (p) => p.before },
              { heading: 'From the revision', cell: (p) => p.after },
            ]}
          />
          <ChangeTable
            caption="Themes added"
            testId="diff-themes-added"
            rows={diff.themesAdded}
            rowKey={(t) => `${t.priorityNumber}.${t.position}`}
            columns={[
              {
                heading: 'Theme',
                cell: (t) => `${t.priorityNumber}.${t.position}`,
                rowHeader: true,
              },
              { heading: 'Title', cell: (t) => t.title },
            ]}
          />
          <ChangeTable
            caption="Themes retitled"
            testId="diff-themes-retitled"
            rows={diff.themesRetitled}
            rowKey={(t) => `${t.priorityNumber}.${t.position}`}
            columns={[
              {
                heading: 'Theme',
                cell: (t) => `${t.priorityNumber}.${t.position}`,
                rowHeader: true,
              },
              { heading: 'Until now', cell: (t) => t.before },
              { heading: 'From the revision', cell: (t) => t.after },
            ]}
          />
        </>
      )}
    </>
  );
}
