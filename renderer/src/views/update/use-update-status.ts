/** The update policy's state, loaded once and then kept current by `update/changed` events. */
import { useCallback, useEffect, useState } from 'react';
import type { UpdateStatus } from '../../../../shared/contract';
import { useApi } from '../../lib/api-context';

export function useUpdateStatus(): [UpdateStatus | null, (next: UpdateStatus) => void] {
  const api = useApi();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  useEffect(() => {
    let live = true;
    const off = api.on('update/changed', (next) => live && setStatus(next));
    void api.update.status({}).then((result) => live && result.ok && setStatus((current) => current ?? result.value));
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return [status, useCallback((next: UpdateStatus) => setStatus(next), [])];
}
