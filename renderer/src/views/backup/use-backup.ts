/**
 * The backup view's data: `backup/overview`, reloaded when a backup is written (`backup/changed`)
 * as well as on ledger changes (useQuery), and the engine's progress reports for one kind of task.
 */
import { useEffect, useState } from 'react';
import type { BackupOverview } from '../../../../shared/contract';
import { useApi } from '../../lib/api-context';
import { useQuery, type QueryState } from '../../lib/use-query';

export function useBackupOverview(): QueryState<BackupOverview> {
  const api = useApi();
  const query = useQuery(() => api.backup.overview({}), [api]);
  const { reload } = query;
  useEffect(() => api.on('backup/changed', reload), [api, reload]);
  return query;
}

export type TaskKind = 'backup' | 'verify' | 'merge-preview' | 'merge' | 'restore' | 'import';
export interface TaskState {
  phase: string;
  percent: number;
}

/**
 * Progress of the running task of `kind`, or null while `active` is false. Tasks report their
 * phases one after the other (copy, seal, verify…), each from 0 to its own total.
 */
export function useTaskProgress(kind: TaskKind, active: boolean): TaskState | null {
  const api = useApi();
  const [state, setState] = useState<TaskState | null>(null);
  useEffect(() => {
    if (!active) {
      setState(null);
      return;
    }
    setState({ phase: '', percent: 0 });
    return api.on('task/progress', (progress) => {
      if (progress.kind !== kind) return;
      const percent = progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
      setState({ phase: progress.phase, percent });
    });
  }, [api, kind, active]);
  return state;
}
