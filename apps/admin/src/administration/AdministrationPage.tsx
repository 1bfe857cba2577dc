/**
 * Administration, for administrators only: one tab per section, each in its own file. Staff
 * accounts and their roles and owner labels (UsersSection), the organisation's plans
 * (PlansSection; importing one and loading a revision are screens of their own, in
 * plan-loading/), API keys for partner systems, the secret shown once (ApiKeysSection), closing
 * and reopening reporting periods (PeriodsSection), and the audit log with filters kept in the
 * URL (AuditLogSection).
 */
import { Page } from '../app/Page.js';
import { navigate, useLocation } from '../app/router.js';
import { ADMIN_TABS, type AdminTab, routes } from '../app/routes.js';
import { Tabs } from '../govuk/content.js';
import { ApiKeysSection } from './ApiKeysSection.js';
import { AuditLogSection } from './AuditLogSection.js';
import { PeriodsSection } from './PeriodsSection.js';
import { PlansSection } from './PlansSection.js';
import { UsersSection } from './UsersSection.js';

export function AdministrationPage() {
  const { query } = useLocation();
  const tab: AdminTab = (ADMIN_TABS as readonly string[]).includes(query.get('tab') ?? '')
    ? (query.get('tab') as AdminTab)
    : 'users';
  return (
    <Page title="Administration">
      <Tabs
        title="Administration"
        selected={tab}
        onSelect={(next) => navigate(routes.administration(next as AdminTab), { replace: true })}
        tabs={[
          { id: 'users', label: 'Users and roles', content: <UsersSection /> },
          { id: 'plans', label: 'Plans', content: <PlansSection /> },
          { id: 'api-keys', label: 'API keys', content: <ApiKeysSection /> },
          { id: 'periods', label: 'Reporting periods', content: <PeriodsSection /> },
          { id: 'audit', label: 'Audit log', content: <AuditLogSection /> },
        ]}
      />
    </Page>
  );
}
