/** Report a problem: a description, an optional contact, optional diagnostics → a saved bundle or the build's endpoint. */
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { breadcrumb } from '../../lib/crash-capture';

export function ReportProblemButton({ canSend }: { canSend: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState('');
  const [contact, setContact] = useState('');
  const [diagnostics, setDiagnostics] = useState(true);
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (send: boolean) => {
    setBusy(true);
    try {
      const result = await unwrap(api.crash.reportProblem({ description, contact: contact.trim() || null, diagnostics, send }));
      if (result.sent) {
        void message.success(t('crash.problem.sent'));
        setOpen(false);
      } else setSavedTo(result.path);
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        onClick={() => {
          breadcrumb('dialog', 'report a problem');
          setSavedTo(null);
          setOpen(true);
        }}
      >
        {t('crash.problem.open')}
      </Button>
      <Modal
        open={open}
        title={t('crash.problem.title')}
        onCancel={() => setOpen(false)}
        footer={[
          <Button key="save" disabled={!description.trim() || busy} onClick={() => void submit(false)}>
            {t('crash.problem.save')}
          </Button>,
          canSend && (
            <Button key="send" type="primary" disabled={!description.trim() || busy} onClick={() => void submit(true)}>
              {t('crash.problem.send')}
            </Button>
          ),
        ]}
      >
        <Form layout="vertical">
          <Form.Item label={t('crash.problem.description')} required htmlFor="ow-problem-description">
            <Input.TextArea id="ow-problem-description" rows={5} maxLength={8000} value={description} onChange={(e) => setDescription(e.target.value)} />
          </Form.Item>
          <Form.Item label={t('crash.problem.contact')} htmlFor="ow-problem-contact">
            <Input id="ow-problem-contact" maxLength={200} value={contact} onChange={(e) => setContact(e.target.value)} />
          </Form.Item>
          <Checkbox checked={diagnostics} onChange={(e) => setDiagnostics(e.target.checked)}>
            {t('crash.problem.diagnostics')}
          </Checkbox>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('crash.problem.diagnostics_help')}
          </Typography.Paragraph>
        </Form>
        {savedTo && (
          <Alert type="success" showIcon message={t('crash.problem.saved')} description={<Typography.Text code copyable>{savedTo}</Typography.Text>} />
        )}
      </Modal>
    </>
  );
}
