/** Tags, note and status: the tail both transaction dialogs end with. */
import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusOptions } from './dialog-parts';

export function DetailsFields({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {/* Side by side, so the dialogs fit an 800 × 600 window. */}
      <div className="ow-form-row">
        <Form.Item name="tags" label={t('transactions.fields.tags')}>
          <Select mode="tags" tokenSeparators={[',', '，']} maxCount={20} open={false} suffixIcon={null} placeholder={t('transactions.dialog.tagsHint')} />
        </Form.Item>
        <Form.Item name="note" label={t('transactions.fields.note')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </div>
      <Form.Item name="status" label={t('transactions.fields.status')}>
        <Radio.Group aria-label={t('transactions.fields.status')} options={statusOptions(t, locked)} />
      </Form.Item>
    </>
  );
}
