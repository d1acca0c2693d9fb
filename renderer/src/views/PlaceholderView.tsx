/** A designed empty state for views that later issues fill. */
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function PlaceholderView({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Empty
      style={{ marginTop: 96 }}
      description={
        <>
          <Typography.Title level={5}>{t('placeholder.title', { view: title })}</Typography.Title>
          <Typography.Text type="secondary">{t('placeholder.body')}</Typography.Text>
        </>
      }
    />
  );
}
