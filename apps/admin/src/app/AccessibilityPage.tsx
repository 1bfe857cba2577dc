import { Page } from './Page.js';

/** What this service does for accessibility, and how to report a problem. */
export function AccessibilityPage() {
  return (
    <Page title="Accessibility statement">
      <p className="govuk-body">
        The plan delivery tracker is built to meet the Web Content Accessibility Guidelines (WCAG)
        2.2 at level AA. It uses the GOV.UK Design System’s components and patterns.
      </p>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          Every page can be used with a keyboard alone, and starts with a link that skips to the
          main content.
        </li>
        <li>
          Forms that have a problem list each one at the top, with a link to the field, and focus
          moves there.
        </li>
        <li>Status and ratings are written in words as well as colours.</li>
        <li>Every page is checked with the axe-core accessibility engine before each release.</li>
      </ul>
      <h2 className="govuk-heading-m">Reporting a problem</h2>
      <p className="govuk-body">
        If something does not work for you, tell the tracker’s administrators in the Office of the
        Police and Crime Commissioner. Say which page, what you were trying to do, and what
        assistive technology you use, if any.
      </p>
    </Page>
  );
}
