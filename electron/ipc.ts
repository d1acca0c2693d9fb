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

/**
 * Compares scheme and host rather than `URL.origin`: that is "null" for a custom scheme wherever the
 * URL parser does not know it was registered as standard (plain Node, where the shell is tested).
 * A frame that failed to load has an empty URL, which must be a refusal, not a thrown TypeError.
 */
function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  if (!frame || event.sender.id !== window.webContents.id) return false;
  if (frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
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
