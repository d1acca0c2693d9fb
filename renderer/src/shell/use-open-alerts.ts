/**
 * How many anomaly alerts are open, for the navigation's badge: read once, then kept current by the
 * engine's own events (a new alert fired, one dismissed or marked usual). No polling: the list reads
 * the whole history, which is not something to repeat on a timer.
 */
import { useEffect, useState } from 'react';
import { useApi } from '../lib/api-context';

export function useOpenAlerts(): number {
  const api = useApi();
  const [count, setCount] = useState(0);

  useEffect(() => {
    let live = true;
    const load = () =>
      void api.alerts.list({}).then((result) => {
        if (live && result.ok) setCount(result.value.alerts.length);
      });
    load();
    const stopFired = api.on('alerts/fired', load);
    const stopChanged = api.on('alerts/changed', (payload) => setCount(payload.count));
    return () => {
      live = false;
      stopFired();
      stopChanged();
    };
  }, [api]);

  return count;
}
