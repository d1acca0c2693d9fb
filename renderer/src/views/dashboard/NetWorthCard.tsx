/**
 * Net worth in one chosen currency. Other currencies are converted by the engine with rates the
 * user types (OneWallet never fetches rates: it works offline); a currency without a rate is named,
 * not guessed. The choice and the rates are remembered on this computer (localStorage).
 */
import { Alert, Card, Input, Select, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountsView } from '../../../../shared/ledger-views';
import { errorText, useApi } from '../../lib/api-context';
import { useMoney } from '../../lib/money';
import { useQuery } from '../../lib/use-query';
import { currencyOptions } from '../accounts/AddAccountDialog';
import { isRateText, ratesInto, useNetWorthSettings } from './net-worth-settings';

export function NetWorthCard({ accounts }: { accounts: AccountsView }) {
  const { t } = useTranslation();
  const api = useApi();
  const { format } = useMoney();
  const [saved, setSaved] = useNetWorthSettings();
  const held = accounts.totals.map((total) => total.currency);
  const currency = saved.currency ?? held[0] ?? 'CNY';
  const others = held.filter((code) => code !== currency);

  // Only well-formed rates go to the engine; a half-typed one simply counts as missing for now.
  const rateText = (code: string) => saved.rates[`${code}/${currency}`] ?? '';
  const rates = ratesInto(saved, currency, held);
  const ratesKey = JSON.stringify(rates);
  const worth = useQuery(() => api.ledger.netWorth({ currency, rates }), [api, currency, ratesKey]);

  return (
    <Card title={t('dashboard.netWorth.title')} style={{ height: '100%' }}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Statistic
          title={t('dashboard.netWorth.inCurrency', { currency })}
          value={worth.data ? format(worth.data.totalMinor, worth.data.currency) : '—'}
          loading={!worth.data && !worth.error}
          styles={{ content: { fontSize: 32 } }}
        />
        {worth.error && <Alert type="error" showIcon title={errorText(worth.error, t)} />}
        {worth.data && worth.data.missingRates.length > 0 && (
          <Alert type="warning" showIcon title={t('dashboard.netWorth.missing', { currencies: worth.data.missingRates.join(', ') })} />
        )}
        <label style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <Typography.Text>{t('dashboard.netWorth.currency')}</Typography.Text>
          <Select
            aria-label={t('dashboard.netWorth.currency')}
            showSearch
            value={currency}
            style={{ width: 120 }}
            options={currencyOptions(t)}
            onChange={(code: string) => setSaved((old) => ({ ...old, currency: code }))}
          />
        </label>
        {others.length > 0 && (
          <div role="group" aria-label={t('dashboard.netWorth.rates')}>
            <Typography.Text type="secondary">{t('dashboard.netWorth.ratesHint')}</Typography.Text>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
              {others.map((code) => (
                <Input
                  key={code}
                  style={{ width: 220 }}
                  prefix={`1 ${code} =`}
                  suffix={currency}
                  inputMode="decimal"
                  aria-label={t('dashboard.netWorth.rateFor', { from: code, to: currency })}
                  value={rateText(code)}
                  status={rateText(code) && !isRateText(rateText(code)) ? 'error' : undefined}
                  onChange={(event) => setSaved((old) => ({ ...old, rates: { ...old.rates, [`${code}/${currency}`]: event.target.value } }))}
                />
              ))}
            </div>
          </div>
        )}
      </Space>
    </Card>
  );
}
