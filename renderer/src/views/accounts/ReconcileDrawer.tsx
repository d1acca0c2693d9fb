/**
 * Reconcile one account against a bank statement: statement date and balance, tick the lines the
 * statement shows, watch the difference (computed by the engine, same arithmetic as the finishing
 * rule), and finish only when it is exactly zero. Finished lines become reconciled and locked.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Drawer, Empty, Form, Input, Space, Statistic, Typography, theme } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AccountView, ReconcilePreview, TransactionView } from '../../../../shared/ledger-views';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { useFormat } from '../../lib/format';
import { useMoney } from '../../lib/money';
import { useQuery } from '../../lib/use-query';
import { useRequestIdPerOpening } from './helpers';
import { newRequestId } from '../../lib/money';

interface Props {
  account: AccountView;
  open: boolean;
  onClose(): void;
}

export function ReconcileDrawer({ account, open, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const { format } = useMoney();
  const { day } = useFormat();
  const { token } = theme.useToken();
  const requestId = useRequestIdPerOpening(open);
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [statementBalance, setStatementBalance] = useState('');
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [preview, setPreview] = useState<{ key: string; value: ReconcilePreview | null; error: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [finishError, setFinishError] = useState<string | null>(null);
  const statementDate = date.format('YYYY-MM-DD');

  const lines = useQuery(
    () =>
      open
        ? api.ledger.reconcileCandidates({ accountId: account.id, statementDate })
        : Promise.resolve({ ok: true as const, value: { total: 0, rows: [] as TransactionView[] } }),
    [api, account.id, statementDate, open],
  );
  const rows = lines.data?.rows ?? [];

  // A fresh start each time the drawer opens: lines the user already marked cleared come ticked.
  useEffect(() => {
    if (!open) return;
    setDate(dayjs());
    setStatementBalance('');
    setFinishError(null);
    setPreview(null);
    setTicked(new Set());
  }, [open]);
  const [seeded, setSeeded] = useState(false);
  useEffect(() => setSeeded(false), [open]);
  useEffect(() => {
    if (!open || seeded || !lines.data) return;
    setTicked(new Set(lines.data.rows.filter((row) => row.status === 'cleared').map((row) => row.id)));
    setSeeded(true);
  }, [open, seeded, lines.data]);

  // Only ticked lines that are still listed (dated on or before the statement) count.
  const tickedIds = useMemo(() => rows.filter((row) => ticked.has(row.id)).map((row) => row.id), [rows, ticked]);
  const previewKey = `${statementDate}|${statementBalance.trim()}|${tickedIds.join(',')}`;

  // previewKey stands for the inputs (date, balance, ticked ids): a new key asks again after a short pause.
  useEffect(() => {
    if (!open || !statementBalance.trim()) {
      setPreview(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void api.ledger
        .reconcilePreview({ accountId: account.id, statementDate, statementBalance: statementBalance.trim(), clearedTransactionIds: tickedIds })
        .then((result) => {
          if (!live) return;
          setPreview(result.ok ? { key: previewKey, value: result.value, error: null } : { key: previewKey, value: null, error: t(result.messageKey, result.params) });
        });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, account.id, previewKey, open]);

  const current = preview?.key === previewKey ? preview : null;
  const balanced = current?.value?.differenceMinor === 0;

  const toggle = (id: string, on: boolean) =>
    setTicked((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const finish = async () => {
    setBusy(true);
    setFinishError(null);
    try {
      await unwrap(
        api.ledger.reconcile({ requestId, accountId: account.id, statementDate, statementBalance: statementBalance.trim(), clearedTransactionIds: tickedIds }),
      );
      void message.success(t('reconcile.done', { count: tickedIds.length, name: account.name }));
      onClose();
    } catch (e) {
      setFinishError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const difference = current?.value?.differenceMinor;
  const adjustmentOr = (row: TransactionView) => (row.adjustment ? t('ledger.adjustment') : '');

  /** One engine command records the difference as a marked line; ticking it makes the difference zero. */
  const [adjusting, setAdjusting] = useState(false);
  const adjust = async () => {
    setAdjusting(true);
    setFinishError(null);
    try {
      const outcome = await unwrap(
        api.ledger.adjustBalance({ requestId: newRequestId(), accountId: account.id, statementDate, statementBalance: statementBalance.trim(), clearedTransactionIds: tickedIds }),
      );
      setTicked((old) => new Set([...old, ...outcome.ids]));
    } catch (e) {
      setFinishError(errorText(e, t));
    } finally {
      setAdjusting(false);
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      title={t('reconcile.title', { name: account.name })}
      footer={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary">{balanced ? t('reconcile.readyHint') : t('reconcile.finishHint')}</Typography.Text>
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" icon={<CheckCircleOutlined />} disabled={!balanced} loading={busy} onClick={() => void finish()}>
              {t('reconcile.finish')}
            </Button>
          </Space>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('reconcile.intro')}</Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item label={t('reconcile.statementDate')} htmlFor="ow-statement-date">
          <DatePicker id="ow-statement-date" value={date} allowClear={false} onChange={(value) => value && setDate(value)} />
        </Form.Item>
        <Form.Item label={t('reconcile.statementBalance', { currency: account.currency })} htmlFor="ow-statement-balance">
          <Input
            id="ow-statement-balance"
            inputMode="decimal"
            style={{ width: 160 }}
            value={statementBalance}
            placeholder="0.00"
            onChange={(event) => setStatementBalance(event.target.value)}
          />
        </Form.Item>
      </Form>

      <section aria-label={t('reconcile.figures')} style={{ display: 'flex', gap: 24, flexWrap: 'wrap', marginBottom: 16 }}>
        <Statistic title={t('reconcile.clearedBalance')} value={current?.value ? format(current.value.clearedBalanceMinor, account.currency) : '—'} />
        <Statistic title={t('reconcile.statement')} value={current?.value ? format(current.value.statementBalanceMinor, account.currency) : '—'} />
        <div data-testid="reconcile-difference">
          <Statistic
            title={t('reconcile.difference')}
            value={difference === undefined ? '—' : format(difference, account.currency)}
            styles={{ content: { color: difference === undefined ? undefined : difference === 0 ? token.colorSuccessText : token.colorErrorText } }}
          />
        </div>
      </section>
      {difference !== undefined && difference !== 0 && !account.frozen && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={account.kind === 'cash' ? t('reconcile.adjustCashHint') : t('reconcile.adjustHint')}
          action={
            <Button size="small" loading={adjusting} onClick={() => void adjust()}>
              {t('reconcile.adjust', { amount: format(difference, account.currency) })}
            </Button>
          }
        />
      )}
      {current?.error && <Alert type="warning" showIcon title={current.error} style={{ marginBottom: 12 }} />}
      {finishError && <Alert type="error" showIcon role="alert" title={finishError} style={{ marginBottom: 12 }} />}

      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('reconcile.lines', { count: rows.length })}</Typography.Text>
        <Button size="small" onClick={() => setTicked(new Set(rows.map((row) => row.id)))} disabled={rows.length === 0}>
          {t('reconcile.tickAll')}
        </Button>
        <Button size="small" onClick={() => setTicked(new Set())} disabled={ticked.size === 0}>
          {t('reconcile.untickAll')}
        </Button>
      </Space>
      {lines.error && <Alert type="error" showIcon title={errorText(lines.error, t)} />}
      {rows.length === 0 && !lines.loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reconcile.noLines')} />
      ) : (
        <div role="group" aria-label={t('reconcile.linesLabel')} style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadius }}>
          {rows.map((row) => {
            const label = `${day(row.date)} ${row.kind === 'transfer' ? row.counterAccountName ?? '' : adjustmentOr(row) || row.payee || row.categoryName || t(`ledger.transactionKinds.${row.kind}`)} ${format(row.amountMinor, row.currency)}`;
            return (
              <label key={row.id} style={{ display: 'flex', gap: 12, alignItems: 'center', padding: '8px 12px', borderBottom: `1px solid ${token.colorBorderSecondary}`, cursor: 'pointer' }}>
                <Checkbox checked={ticked.has(row.id)} onChange={(event) => toggle(row.id, event.target.checked)} aria-label={label} />
                <span style={{ minWidth: 96, flex: 'none', whiteSpace: 'nowrap' }}>{day(row.date)}</span>
                <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
                  {row.kind === 'transfer' ? row.counterAccountName : adjustmentOr(row) || row.payee || row.categoryName || t(`ledger.transactionKinds.${row.kind}`)}
                </Typography.Text>
                <span className="ow-money">{format(row.amountMinor, row.currency)}</span>
              </label>
            );
          })}
        </div>
      )}
    </Drawer>
  );
}
