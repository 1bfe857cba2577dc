/**
 * The frame of every screen: skip link, header, service navigation, main, footer.
 *
 * The office is not part of GOV.UK, so this uses GOV.UK Frontend's generic header (no crown,
 * no GOV.UK logotype) and a footer without the crown, as the Design System asks. The header
 * names the signed-in person's organisation, as the API gives it; before sign-in nothing says
 * whose tracker this is.
 */
import type { ReactNode } from 'react';
import { Link, useLocation } from './router.js';
import { routes } from './routes.js';

export const SERVICE_NAME = 'Plan delivery tracker';

export interface NavItem {
  readonly href: string;
  readonly text: string;
  /** Current only on its own path, not on the paths under it (a plan's dashboard). */
  readonly exact?: boolean;
}

function isActive(item: NavItem, pathname: string): boolean {
  if (item.exact || item.href === '/') return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}

/** The plan a screen is in, as the header shows it. */
export interface PlanHeading {
  readonly title: string;
  /** Where to choose another of the organisation's plans; `null` when it has only this one. */
  readonly changeHref: string | null;
}

export function Layout({
  navigation,
  user,
  organisationName = null,
  plan = null,
  children,
}: {
  navigation: readonly NavItem[];
  /** The signed-in person, shown with a sign-out link; `null` on the sign-in page. */
  user: { readonly name: string; readonly roleLabel: string } | null;
  /** The signed-in person's organisation, from the API; `null` before sign-in. */
  organisationName?: string | null;
  /** The plan of the screen; `null` on the organisation's screens. */
  plan?: PlanHeading | null;
  children: ReactNode;
}) {
  const { pathname } = useLocation();
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-template__header">
        {organisationName ? (
          <div className="govuk-generic-header">
            <div className="govuk-generic-header__container govuk-width-container">
              <div className="govuk-generic-header__logo">
                <Link to={routes.home()} className="govuk-generic-header__homepage-link">
                  {organisationName}
                </Link>
              </div>
            </div>
          </div>
        ) : null}
        <section aria-label="Service information" className="govuk-service-navigation">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <span className="govuk-service-navigation__service-name">
                <Link to={routes.home()} className="govuk-service-navigation__link">
                  {SERVICE_NAME}
                </Link>
              </span>
              {navigation.length > 0 || user ? (
                <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                  <ul className="govuk-service-navigation__list" id="navigation">
                    {navigation.map((item) => {
                      const active = isActive(item, pathname);
                      return (
                        <li
                          key={item.href}
                          className={
                            active
                              ? 'govuk-service-navigation__item govuk-service-navigation__item--active'
                              : 'govuk-service-navigation__item'
                          }
                        >
                          <Link
                            className="govuk-service-navigation__link"
                            to={item.href}
                            aria-current={
                              active ? (pathname === item.href ? 'page' : 'true') : undefined
                            }
                          >
                            {active ? (
                              <strong className="govuk-service-navigation__active-fallback">
                                {item.text}
                              </strong>
                            ) : (
                              item.text
                            )}
                          </Link>
                        </li>
                      );
                    })}
                    {user ? (
                      <li className="govuk-service-navigation__item">
                        <Link className="govuk-service-navigation__link" to={routes.signOut()}>
                          Sign out
                        </Link>
                      </li>
                    ) : null}
                  </ul>
                </nav>
              ) : null}
            </div>
          </div>
        </section>
        {user ? (
          <div className="govuk-width-container">
            <p
              className="govuk-body-s govuk-!-margin-top-3 govuk-!-margin-bottom-0"
              data-testid="signed-in-as"
            >
              Signed in as <strong>{user.name}</strong> ({user.roleLabel})
            </p>
            {plan ? (
              <p
                className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0"
                data-testid="current-plan"
              >
                Plan: <strong>{plan.title}</strong>
                {plan.changeHref ? (
                  <>
                    {' '}
                    <Link className="govuk-link" to={plan.changeHref}>
                      Change plan
                    </Link>
                  </>
                ) : null}
              </p>
            ) : null}
          </div>
        ) : null}
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">Support links</h2>
              <ul className="govuk-footer__inline-list">
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to={routes.accessibility()}>
                    Accessibility statement
                  </Link>
                </li>
                <li className="govuk-footer__inline-list-item">
                  <a className="govuk-footer__link" href={routes.graphql()}>
                    GraphQL API
                  </a>
                </li>
              </ul>
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                {SERVICE_NAME}
                {plan ? ` for ${plan.title}` : ''}.
              </p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
