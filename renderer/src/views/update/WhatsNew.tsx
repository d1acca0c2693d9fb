/** The first start of a new version shows its release notes once (dismissed for good with "Got it"). */
import { Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api-context';
import { ReleaseNotes } from './ReleaseNotes';
import { useUpdateAction } from './UpdateActions';
import { useUpdateStatus } from './use-update-status';

export function WhatsNew() {
  const { t } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useUpdateStatus();
  const run = useUpdateAction(setStatus);
  const whatsNew = status?.whatsNew;
  if (!whatsNew) return null;
  const dismiss = () => void run(() => api.update.dismissWhatsNew({}));
  return (
    <Modal
      open
      title={t('update.whats_new_title', { version: whatsNew.version })}
      onCancel={dismiss}
      footer={
        <Button type="primary" onClick={dismiss}>
          {t('update.whats_new_ok')}
        </Button>
      }
    >
      <ReleaseNotes version={whatsNew.version} notes={whatsNew.notes} />
    </Modal>
  );
}
