/**
 * Exposes `window.onewallet`: one named function per contract method, nothing else. The
 * renderer never sees ipcRenderer or a channel string. Built from the contract, so it cannot
 * drift from the router.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  buildApi,
  IPC_EVENT_CHANNEL,
  ipcChannelFor,
  type EventName,
  type OneWalletApi,
  type Result,
} from '../shared/contract';

const api: OneWalletApi = buildApi(
  (name, input) => ipcRenderer.invoke(ipcChannelFor(name), input) as Promise<Result<unknown>>,
  (name: EventName, listener) => {
    const handler = (_event: unknown, message: { name: EventName; payload: unknown }) => {
      if (message.name === name) listener(message.payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
);

contextBridge.exposeInMainWorld('onewallet', api);
