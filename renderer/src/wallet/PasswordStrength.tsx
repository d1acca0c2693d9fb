/** zxcvbn-ts strength meter: the user sees how guessable a password is before committing to it. */
import { useMemo } from 'react';
import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordScore } from '../../../shared/password-strength';

const COLORS = ['#ff4d4f', '#ff7a45', '#faad14', '#52c41a', '#389e0d'];
/** Below this zxcvbn score the create form refuses the password. */
export const MIN_SCORE = 2;

export { passwordScore };

export function PasswordStrength({ password, userInputs = [] }: { password: string; userInputs?: string[] }) {
  const { t } = useTranslation();
  const score = useMemo(() => passwordScore(password, userInputs), [password, userInputs]);
  if (!password) return null;
  const label = t(`wallet.create.strengthLevels.${score}`);
  return (
    <div aria-live="polite">
      <Progress
        percent={(score + 1) * 20}
        steps={5}
        showInfo={false}
        strokeColor={COLORS[score]}
        aria-label={t('wallet.create.strength')}
      />
      <Typography.Text type="secondary" data-testid="password-strength">
        {t('wallet.create.strength')}: {label}
      </Typography.Text>
    </div>
  );
}
