/**
 * Binds every contract method to ipcMain through the router, with one sender check that no
 * method can skip: the call must come from our window's top frame, loaded from app://onewallet.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, ipcChannelFor, METHOD_NAMES } from '../shared/contract';
import type { Engine } from './engine';
import type { EventBus } from './router/event-bus';
import { failure } from './router/router';
import { APP_ORIGIN } from './protocol';

function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  if (!frame || event.sender.id !== window.webContents.id) return false;
  if (frame !== event.sender.mainFrame) return false;
  return new URL(frame.url).origin === APP_ORIGIN;
}

export function bindIpc(engine: Engine, bus: EventBus, getWindow: () => BrowserWindow | null): () => void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(ipcChannelFor(name), async (event, input: unknown) => {
      const window = getWindow();
      if (!window || !isTrustedSender(event, window)) return failure('forbidden', 'errors.forbidden');
      return engine.router.call(name, input, { transport: 'ipc' });
    });
  }
  const unsubscribe = bus.subscribe((name, payload) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, { name, payload });
  });
  return () => {
    unsubscribe();
    for (const name of METHOD_NAMES) ipcMain.removeHandler(ipcChannelFor(name));
  };
}
