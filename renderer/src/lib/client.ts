/**
 * The renderer's one way to the engine: the preload bridge in the app, the WebSocket bridge in
 * browser mode. Both satisfy the same `OneWalletApi`, derived from shared/contract.ts.
 */
import type { OneWalletApi } from '../../../shared/contract';
import { connectWebSocket, takeToken, type ConnectionState } from './ws-client';

declare global {
  interface Window {
    onewallet?: OneWalletApi;
  }
}

export type { ConnectionState };

export function createClient(onState: (state: ConnectionState) => void): OneWalletApi | null {
  if (window.onewallet) {
    onState('open');
    return window.onewallet;
  }
  const token = takeToken();
  if (!token) {
    onState('no-token');
    return null;
  }
  return connectWebSocket(token, onState);
}
