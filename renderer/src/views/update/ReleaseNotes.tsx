/**
 * Release notes as text. The engine already reduced them to plain text (electron/update/notes.ts);
 * here they are React text nodes, so even a note that still looks like HTML is shown, not run.
 */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function ReleaseNotes({ version, notes }: { version: string; notes: string }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('update.notes', { version })} className="ow-update-notes">
      <Typography.Text strong>{t('update.notes', { version })}</Typography.Text>
      <Typography.Paragraph data-testid="update-notes" style={{ whiteSpace: 'pre-wrap', marginBottom: 0, maxHeight: 160, overflowY: 'auto' }}>
        {notes || t('update.no_notes')}
      </Typography.Paragraph>
    </section>
  );
}
