/**
 * The shell's OS notification for new anomaly alerts (`alerts/fired`). It names only the kinds of
 * alert, never a payee or an amount: notifications show on the lock screen and stay in the
 * system's notification history, outside the encrypted wallet. A click brings the window to the
 * security centre, where the reasons are.
 */
import { Notification } from 'electron';
import type { EventBus } from './router/event-bus';
import type { EventPayload } from '../shared/contract';
import { translate, type Language } from '../shared/i18n';

export interface AlertNotificationOptions {
  language: () => Language;
  /** Shows the window on the alerts (the click on a notification). */
  showAlerts: () => void;
}

export function notifyAlerts(bus: EventBus, options: AlertNotificationOptions): () => void {
  return bus.subscribe((name, payload) => {
    if (name !== 'alerts/fired' || !Notification.isSupported()) return;
    const { alerts } = payload as EventPayload<'alerts/fired'>;
    if (alerts.length === 0) return;
    const language = options.language();
    const rules = [...new Set(alerts.map((alert) => translate(language, `security.alerts.rule.${alert.rule}`)))].join(language === 'zh-CN' ? '、' : ', ');
    const notification = new Notification({
      title: translate(language, 'security.alerts.notificationTitle'),
      body: translate(language, 'security.alerts.notification', { count: alerts.length, rules }),
    });
    notification.on('click', () => options.showAlerts());
    notification.show();
  });
}
