/** The update form's evidence: links (a title and a web address each), one row per link. */
import { Button, TextInput } from '../govuk/fields.js';
import type { EvidenceDraft } from './update-form.js';

export function EvidenceFields({
  links,
  onChange,
  errorFor,
}: {
  links: readonly EvidenceDraft[];
  onChange: (links: readonly EvidenceDraft[]) => void;
  errorFor: (field: string) => string | undefined;
}) {
  const change = (index: number, value: Partial<EvidenceDraft>) =>
    onChange(links.map((link, i) => (i === index ? { ...link, ...value } : link)));
  return (
    <fieldset className="govuk-fieldset">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
        Evidence (optional)
      </legend>
      <div className="govuk-hint">Links to minutes, reports or data that back up the note.</div>
      {links.map((link, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are only added at the end
        <div className="govuk-grid-row" key={index}>
          <div className="govuk-grid-column-one-half">
            <TextInput
              id={`evidence-${index}-title`}
              label={`Title of link ${index + 1}`}
              value={link.title}
              onChange={(title) => change(index, { title })}
              error={errorFor(`evidence-${index}-title`)}
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <TextInput
              id={`evidence-${index}-url`}
              label={`Web address of link ${index + 1}`}
              type="url"
              spellCheck={false}
              value={link.url}
              onChange={(url) => change(index, { url })}
              error={errorFor(`evidence-${index}-url`)}
            />
          </div>
        </div>
      ))}
      <Button secondary type="button" onClick={() => onChange([...links, { title: '', url: '' }])}>
        Add another link
      </Button>
    </fieldset>
  );
}
