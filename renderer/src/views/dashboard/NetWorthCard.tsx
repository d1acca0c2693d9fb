/**
 * Net worth in one chosen currency. Other currencies are converted by the engine with the rates the
 * user typed, which the wallet keeps (OneWallet never fetches rates: it works offline); a currency
 * without a rate is named, not guessed. The chosen currency is remembered on this computer.
 */
import { useState } from 'react';
import { Alert, Card, Input, Select, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountsView } from '../../../../shared/ledger-views';
import { ApiError, errorText, useApi } from '../../lib/api-context';
import { newRequestId, useMoney } from '../../lib/money';
import { useQuery } from '../../lib/use-query';
import { currencyOptions } from '../accounts/AddAccountDialog';
import { isRateText, ratePairs, useLocalRatesMigration, useNetWorthCurrency } from './net-worth-settings';

export function NetWorthCard({ accounts }: { accounts: AccountsView }) {
  const { t } = useTranslation();
  const api = useApi();
  const { format } = useMoney();
  useLocalRatesMigration(api);
  const [chosen, setChosen] = useNetWorthCurrency();
  const held = accounts.totals.map((total) => total.currency);
  const currency = chosen ?? held[0] ?? 'CNY';
  const others = held.filter((code) => code !== currency);

  // The engine converts with the rates the wallet keeps; both reload when the ledger changes.
  const stored = useQuery(() => api.ledger.exchangeRates({}), [api]);
  const worth = useQuery(() => api.ledger.netWorth({ currency }), [api, currency]);
  const saved = ratePairs(stored.data?.rates ?? []);
  // What is being typed, per pair, until it is saved on blur (a half-typed rate is not sent).
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const rateText = (pair: string) => drafts[pair] ?? saved[pair] ?? '';

  async function save(code: string) {
    const pair = `${code}/${currency}`;
    const text = drafts[pair];
    if (text === undefined) return;
    const rate = text.trim() === '' ? null : text.trim();
    if (rate !== null && !isRateText(rate)) return; // stays marked as an error until corrected
    if (rate === (saved[pair] ?? null)) {
      setDrafts(({ [pair]: _done, ...rest }) => rest);
      return;
    }
    const result = await api.ledger.setExchangeRate({ requestId: newRequestId(), currency: code, base: currency, rate });
    if (!result.ok) {
      setSaveError(new ApiError(result));
      return;
    }
    setSaveError(null);
    stored.reload();
    setDrafts(({ [pair]: _done, ...rest }) => rest);
  }

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
        {saveError !== null && <Alert type="error" showIcon title={errorText(saveError, t)} />}
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
            onChange={(code: string) => setChosen(code)}
          />
        </label>
        {others.length > 0 && (
          <div role="group" aria-label={t('dashboard.netWorth.rates')}>
            <Typography.Text type="secondary">{t('dashboard.netWorth.ratesHint')}</Typography.Text>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
              {others.map((code) => {
                const pair = `${code}/${currency}`;
                return (
                  <Input
                    key={code}
                    style={{ width: 220 }}
                    prefix={`1 ${code} =`}
                    suffix={currency}
                    inputMode="decimal"
                    aria-label={t('dashboard.netWorth.rateFor', { from: code, to: currency })}
                    value={rateText(pair)}
                    status={rateText(pair) && !isRateText(rateText(pair)) ? 'error' : undefined}
                    onChange={(event) => setDrafts((old) => ({ ...old, [pair]: event.target.value }))}
                    onBlur={() => void save(code)}
                    onPressEnter={() => void save(code)}
                  />
                );
              })}
            </div>
          </div>
        )}
      </Space>
    </Card>
  );
}
