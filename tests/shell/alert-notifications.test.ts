/**
 * New anomaly alerts become an OS notification in the Electron app (electron/alert-notifications.ts),
 * against the fake `electron` module: translated, naming the kinds of alert but never a payee or
 * an amount, and a click shows the alerts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../electron/router/event-bus';
import { notifyAlerts } from '../../electron/alert-notifications';
import type { AlertView } from '../../shared/security-centre';
import { recorded } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const alert = (rule: AlertView['rule'], payee: string): AlertView => ({
  key: `${rule}:t1`,
  rule,
  condition: `${rule}|payee:${payee}`,
  transactionId: 't1',
  accountId: 'a1',
  date: '2026-01-01',
  payee,
  amountMinor: -888_800,
  currency: 'CNY',
  messageKey: `security.alerts.reason.${rule}`,
  params: { amount: '8888.00' },
});

describe('alert notifications', () => {
  beforeEach(() => void (recorded.notifications.length = 0));

  it('one notification per batch of new alerts, in the app language, without payee or amount; a click shows the alerts', () => {
    const bus = new EventBus();
    let language: 'en-US' | 'zh-CN' = 'en-US';
    const shown: string[] = [];
    notifyAlerts(bus, { language: () => language, showAlerts: () => shown.push('alerts') });
    bus.emit('alerts/fired', { alerts: [alert('largeAmount', 'Apple Store'), alert('newPayee', 'Apple Store')] });
    expect(recorded.notifications).toHaveLength(1);
    const [english] = recorded.notifications;
    expect(english!.options).toEqual({ title: 'OneWallet: unusual activity', body: '2 new alerts: Large payment, New payee, large amount. Open OneWallet to see why.' });
    expect(JSON.stringify(english!.options)).not.toMatch(/Apple|8888/);
    english!.click();
    expect(shown).toEqual(['alerts']);

    language = 'zh-CN';
    bus.emit('alerts/fired', { alerts: [alert('doubleCharge', 'JD')] });
    expect(recorded.notifications[1]!.options).toEqual({ title: '一钱包：异常活动', body: '1 条新提醒：可能重复扣款。打开一钱包查看原因。' });
    // Other events and empty batches show nothing.
    bus.emit('alerts/changed', { count: 0 });
    bus.emit('alerts/fired', { alerts: [] });
    expect(recorded.notifications).toHaveLength(2);
  });
});
