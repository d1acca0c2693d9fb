/** Gives views the contract client and turns failed results into translated errors. */
import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import type { Failure, OneWalletApi, Result } from '../../../shared/contract';

export const ApiContext = createContext<OneWalletApi | null>(null);

export function useApi(): OneWalletApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}

/** A failed call, carrying the code and the translation key; views show `t(messageKey, params)`. */
export class ApiError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.messageKey);
  }
}

export async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new ApiError(settled);
  return settled.value;
}

export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return t(error.failure.messageKey, error.failure.params);
  return t('errors.internal');
}
