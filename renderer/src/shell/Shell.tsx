/** The frame around every view: navigation, header with language and theme, and the view itself. */
import { Badge, Button, Layout, Menu, Space, Spin, theme, Typography } from 'antd';
import {
  AppstoreOutlined,
  BankOutlined,
  BarChartOutlined,
  BugOutlined,
  CloudUploadOutlined,
  ImportOutlined,
  LockOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Settings } from '../../../shared/contract';
import { PanicButton } from './PanicButton';
import { Preferences } from './Preferences';
import { useOpenAlerts } from './use-open-alerts';
import { useApi } from '../lib/api-context';
import { useActivityPings } from '../lib/activity';
import { ROUTES, useRoute, type Route } from '../lib/routes';
import { SettingsView } from '../views/SettingsView';
import { UpdateBanner } from '../views/update/UpdateBanner';
import { WhatsNew } from '../views/update/WhatsNew';
import { ErrorBoundary } from '../views/crashes/ErrorBoundary';

// One chunk per view: the first paint loads only the shell and the view it shows.
const DashboardView = lazy(() => import('../views/dashboard/DashboardView').then((m) => ({ default: m.DashboardView })));
const AccountsView = lazy(() => import('../views/accounts/AccountsView').then((m) => ({ default: m.AccountsView })));
const TransactionsView = lazy(() => import('../views/transactions/TransactionsView').then((m) => ({ default: m.TransactionsView })));
const ReportsView = lazy(() => import('../views/reports/ReportsView').then((m) => ({ default: m.ReportsView })));
const ImportView = lazy(() => import('../views/import/ImportView').then((m) => ({ default: m.ImportView })));
const BackupView = lazy(() => import('../views/backup/BackupView').then((m) => ({ default: m.BackupView })));
const SecurityView = lazy(() => import('../views/security/SecurityView').then((m) => ({ default: m.SecurityView })));
const CrashesView = lazy(() => import('../views/crashes/CrashesView').then((m) => ({ default: m.CrashesView })));

const ICONS: Record<Route, ReactNode> = {
  dashboard: <AppstoreOutlined />,
  accounts: <BankOutlined />,
  transactions: <UnorderedListOutlined />,
  reports: <BarChartOutlined />,
  import: <ImportOutlined />,
  backup: <CloudUploadOutlined />,
  security: <SafetyCertificateOutlined />,
  crashes: <BugOutlined />,
  settings: <SettingOutlined />,
};

interface ShellProps {
  settings: Settings;
  language: Language;
  dark: boolean;
  onUpdateSettings(patch: Partial<Settings>): Promise<void>;
}

export function Shell({ settings, language, dark, onUpdateSettings }: ShellProps) {
  const { t } = useTranslation();
  const [route, go] = useRoute();
  const api = useApi();
  // Only while a wallet is open (the shell is shown only then): input resets auto-lock's idle timer.
  useActivityPings(api);
  const { token } = theme.useToken();

  const views: Record<Route, ReactNode> = {
    dashboard: <DashboardView />,
    accounts: <AccountsView />,
    transactions: <TransactionsView />,
    reports: <ReportsView />,
    import: <ImportView />,
    backup: <BackupView />,
    security: <SecurityView />,
    settings: <SettingsView settings={settings} language={language} onUpdate={onUpdateSettings} />,
    crashes: <CrashesView />,
  };
  const view = views[route];
  const openAlerts = useOpenAlerts();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} breakpoint="lg" collapsedWidth={64} theme={dark ? 'dark' : 'light'}>
        <div className="ow-brand">
          <img src="./icon.svg" alt="" width={28} height={28} />
          <Typography.Text strong>{t('app.name')}</Typography.Text>
        </div>
        <nav aria-label={t('nav.label')}>
          <Menu
            mode="inline"
            theme={dark ? 'dark' : 'light'}
            selectedKeys={[route]}
            onClick={({ key }) => go(key as Route)}
            items={ROUTES.map((key) => ({ key, icon: ICONS[key], label: key === 'security' ? <SecurityLabel alerts={openAlerts} /> : t(`nav.${key}`) }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="ow-header" style={{ background: 'transparent' }}>
          {/* The page's one h1 is the view's name, drawn at the size of a section title. */}
          <Typography.Title level={1} style={{ margin: 0, fontSize: token.fontSizeHeading4, lineHeight: token.lineHeightHeading4 }}>
            {t(`nav.${route}`)}
          </Typography.Title>
          <Space>
            <Button icon={<LockOutlined />} aria-label={t('wallet.lock')} onClick={() => void api.wallet.lock({})}>
              {t('wallet.lock')}
            </Button>
            <PanicButton />
            <Preferences language={language} dark={dark} onUpdateSettings={onUpdateSettings} />
          </Space>
        </Layout.Header>
        {/* antd's Content is the page's one <main> landmark. */}
        <Layout.Content className="ow-content">
          <UpdateBanner />
          <WhatsNew />
          {/* A view that throws gets a recovery screen, never a white window; a new route starts afresh. */}
          <ErrorBoundary key={route} scope="view">
            <Suspense fallback={<Spin aria-label={t('common.loading')} style={{ display: 'block', marginTop: 96 }} />}>{view}</Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** "Security" with the number of open alerts: a badge to see, and words for a screen reader. */
function SecurityLabel({ alerts }: { alerts: number }) {
  const { t } = useTranslation();
  return (
    <span data-testid="nav-security">
      {t('nav.security')}
      {alerts > 0 && (
        <>
          <Badge count={alerts} size="small" overflowCount={99} aria-hidden style={{ marginInlineStart: 8 }} />
          <span className="ow-visually-hidden">{t('nav.openAlerts', { count: alerts })}</span>
        </>
      )}
    </span>
  );
}
