/**
 * After a crash or a kill: "OneWallet closed unexpectedly". At the next unlock the wallet's
 * integrity check runs; the notice then confirms nothing was lost (with the last recorded
 * transaction) or, if the wallet is damaged, offers restore from the newest verified backup.
 * After three unclean starts in a row it offers a safe start.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StartupState } from '../../../../shared/crash';
import type { TransactionView } from '../../../../shared/ledger-views';
import type { Settings } from '../../../../shared/contract';
import { unwrap, useApi } from '../../lib/api-context';
import { useFormat } from '../../lib/format';
import { useMoney } from '../../lib/money';

type Check = { state: 'running' } | { state: 'ok'; last: TransactionView | null } | { state: 'damaged'; problems: number } | { state: 'failed' };

export function StartupNotice({ onUpdateSettings }: { onUpdateSettings(patch: Partial<Settings>): Promise<void> }) {
  const { t } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const { day } = useFormat();
  const [startup, setStartup] = useState<StartupState | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    unwrap(api.crash.startup({})).then(setStartup, () => setStartup(null));
  }, [api]);

  useEffect(() => {
    if (!startup?.uncleanExit || !startup.checkPending) return;
    const run = async () => {
      setCheck({ state: 'running' });
      try {
        const report = await unwrap(api.wallet.verify({}));
        if (!report.ok) return setCheck({ state: 'damaged', problems: report.problems.length });
        const page = await unwrap(api.ledger.transactions({ limit: 1 }));
        setCheck({ state: 'ok', last: page.rows[0] ?? null });
      } catch {
        setCheck({ state: 'failed' });
      }
    };
    const runWhenUnlocked = (unlocked: boolean) => {
      if (unlocked) void run();
    };
    void unwrap(api.wallet.status({})).then((s) => runWhenUnlocked(s.unlocked !== null), () => {});
    return api.on('wallet/changed', (s) => runWhenUnlocked(s.unlocked !== null));
  }, [api, startup]);

  if (!startup || dismissed || (!startup.uncleanExit && !startup.safeMode)) return null;

  const safeStart = async () => {
    await onUpdateSettings({ language: null, theme: 'system' });
    await unwrap(api.crash.safeStart({}));
    setStartup(await unwrap(api.crash.startup({})));
  };

  let checkText: string | null = null;
  let type: 'warning' | 'success' | 'error' = 'warning';
  if (check?.state === 'running') checkText = t('crash.startup.checking');
  if (check?.state === 'ok') {
    type = 'success';
    checkText = check.last
      ? t('crash.startup.intact_last', { date: day(check.last.date), payee: check.last.payee || '—', amount: money.format(check.last.amountMinor, check.last.currency) })
      : t('crash.startup.intact');
  }
  if (check?.state === 'damaged') {
    type = 'error';
    checkText = t('crash.startup.damaged', { count: check.problems });
  }
  if (check?.state === 'failed') checkText = t('crash.startup.check_failed');
  if (!check && startup.uncleanExit) checkText = t('crash.startup.check_at_unlock');

  return (
    <Alert
      banner
      type={startup.safeMode ? 'info' : type}
      showIcon
      closable
      onClose={() => setDismissed(true)}
      data-testid="startup-notice"
      message={startup.safeMode ? t('crash.startup.safe_mode') : t('crash.startup.closed_unexpectedly')}
      description={
        <Space direction="vertical" size={4}>
          {checkText && <span data-testid="startup-check">{checkText}</span>}
          <Space wrap>
            {check?.state === 'damaged' && (
              <Button size="small" type="primary" onClick={() => (window.location.hash = '#/backup')}>
                {t('crash.startup.restore')}
              </Button>
            )}
            {startup.offerSafeStart && (
              <>
                <span>{t('crash.startup.repeated', { count: startup.uncleanStreak })}</span>
                <Button size="small" onClick={() => void safeStart()}>
                  {t('crash.startup.safe_start')}
                </Button>
              </>
            )}
            <Button size="small" onClick={() => (window.location.hash = '#/crashes')}>
              {t('crash.startup.see_reports')}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}
