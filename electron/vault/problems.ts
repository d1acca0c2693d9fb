/**
 * What can be wrong with a vault, as data: where, which seq, a message key and an English sentence.
 * The same record becomes a thrown DomainError('integrity') on unlock and a line of verify's report.
 */
import { DomainError, type ErrorParams } from '../../shared/errors';
import { translate } from '../../shared/i18n';

export interface Problem {
  /** 'journal' | 'head' | 'keyslot:primary' | 'keyslot:recovery' | 'snapshot' | 'meta' | 'file' */
  where: string;
  seq?: number;
  /** One English sentence (the CLI prints it; the UI translates messageKey instead). */
  detail: string;
  messageKey: string;
  params: ErrorParams;
}

/** The one English sentence of a problem (the CLI prints it; the UI translates messageKey itself). */
export function english(messageKey: string, params: ErrorParams): string {
  return translate('en-US', messageKey, params);
}

export function problem(where: string, name: string, params: ErrorParams = {}, seq?: number): Problem {
  const messageKey = `errors.vault.${name}`;
  const all = seq === undefined ? params : { ...params, seq };
  return { where, ...(seq === undefined ? {} : { seq }), detail: english(messageKey, all), messageKey, params: all };
}

export function toError(p: Problem): DomainError {
  return new DomainError('integrity', p.messageKey, { ...p.params, where: p.where, detail: p.detail });
}

export function fromError(error: DomainError, where: string): Problem {
  const detail = english(error.messageKey, error.params);
  const seq = typeof error.params.seq === 'number' ? error.params.seq : undefined;
  return {
    where: typeof error.params.where === 'string' ? error.params.where : where,
    ...(seq === undefined ? {} : { seq }),
    detail,
    messageKey: error.messageKey,
    params: error.params,
  };
}
