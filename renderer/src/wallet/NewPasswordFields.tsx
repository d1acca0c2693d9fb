/** Password + confirmation with the strength meter; used by create, change and recover. */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { newPasswordProblem } from '../../../shared/password-policy';
import { MIN_SCORE, passwordScore, PasswordStrength } from './PasswordStrength';

export function NewPasswordFields({ passwordLabel, confirmLabel, userInputs = [] }: { passwordLabel: string; confirmLabel: string; userInputs?: string[] }) {
  const { t } = useTranslation();
  const password = Form.useWatch('password') as string | undefined;
  return (
    <>
      <Form.Item
        name="password"
        label={passwordLabel}
        rules={[
          { required: true, message: t('wallet.create.tooShort') },
          {
            // The shared policy (also the contract's and the CLI's); the meter judges strength on top.
            validator: (_rule, value: string) => {
              const problem = value ? newPasswordProblem(value) : null;
              return problem ? Promise.reject(new Error(t(problem.messageKey, problem.params))) : Promise.resolve();
            },
          },
          {
            validator: async (_rule, value: string) => {
              if (!value || newPasswordProblem(value) !== null) return;
              if ((await passwordScore(value, userInputs)) < MIN_SCORE) throw new Error(t('wallet.create.tooWeak'));
            },
          },
        ]}
        extra={<PasswordStrength password={password ?? ''} userInputs={userInputs} />}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={confirmLabel}
        dependencies={['password']}
        rules={[
          { required: true, message: t('wallet.create.mismatch') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string) =>
              !value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('wallet.create.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
