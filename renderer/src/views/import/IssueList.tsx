/** Parser problems, each naming the row, the column and the value (the messages carry them). */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportIssueView } from '../../../../shared/import-views';

export function IssueList({ issues, count }: { issues: readonly ImportIssueView[]; count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      title={t('import.wizard.file.parse_errors', { count })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {issues.slice(0, 20).map((issue, i) => (
            <li key={i}>{t(issue.messageKey, issue.params)}</li>
          ))}
        </ul>
      }
    />
  );
}
