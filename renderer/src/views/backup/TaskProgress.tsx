/** One progress bar for a running backup task, labelled with its phase ("Verifying…"). */
import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskState } from './use-backup';

export function TaskProgress({ state, label }: { state: TaskState | null; label: string }) {
  const { t } = useTranslation();
  if (!state) return null;
  const phase = state.phase ? t(`backup.progress.${state.phase}`, { defaultValue: label }) : label;
  return (
    <div role="status" aria-live="polite" style={{ minWidth: 220 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {phase}
      </Typography.Text>
      <Progress percent={state.percent} size="small" aria-label={label} />
    </div>
  );
}
