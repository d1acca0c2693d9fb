/**
 * A stand-in for the `electron` module, just large enough for the shell files (ipc.ts, window.ts,
 * protocol.ts) to run under Node: it records what the shell registers — IPC handlers, window
 * options and listeners, the window.open handler, protocol handlers — so a test can call them with
 * forged senders and URLs. Installed per test file with
 * `vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron)`.
 */
type Listener = (...args: any[]) => void;

export interface FakeFrame {
  url: string;
}

export class FakeWebContents {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame: FakeFrame = { url: 'about:blank' };
  readonly listeners = new Map<string, Listener[]>();
  readonly sent: { channel: string; message: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  off(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((other) => other !== listener));
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }
  reloads = 0;
  reload(): void {
    this.reloads++;
  }
  /** Fires `event` with a plain event object, like Chromium's notifications that cannot be prevented. */
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener({}, ...args);
  }
  /** Fires `event` like Chromium would and says whether a listener called preventDefault(). */
  emitPreventable(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const object = { preventDefault: () => (prevented = true) };
    for (const listener of this.listeners.get(event) ?? []) listener(object, ...args);
    return prevented;
  }
}

export class FakeBrowserWindow {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    recorded.windows.push(this);
  }
  once(): this {
    return this;
  }
  readonly windowListeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.windowListeners.set(event, [...(this.windowListeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.windowListeners.get(event) ?? []) listener({}, ...args);
  }
  off(event: string, listener: Listener): this {
    this.windowListeners.set(event, (this.windowListeners.get(event) ?? []).filter((other) => other !== listener));
    return this;
  }
  show(): void {}
  isDestroyed(): boolean {
    return false;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
}

/** A session: records the permission handlers the shell sets, so a test can ask them. */
export class FakeSession {
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void) | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details?: unknown) => boolean) | null = null;
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
}

export class FakeTray {
  tooltip = '';
  menu: { label: string; accelerator?: string; click(): void }[] = [];
  destroyed = false;
  constructor(readonly image: unknown) {
    recorded.trays.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeTray['menu']): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

const powerListeners = new Map<string, Listener[]>();

export const recorded = {
  defaultSession: new FakeSession(),
  shortcuts: new Map<string, () => void>(),
  trays: [] as FakeTray[],
  /** What powerMonitor.getSystemIdleTime() answers, in seconds. */
  systemIdleSeconds: 0,
  /** Fires a powerMonitor event ('suspend', 'lock-screen', 'resume'). */
  emitPower(event: string): void {
    for (const listener of powerListeners.get(event) ?? []) listener();
  },
  ipcHandlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  windows: [] as FakeBrowserWindow[],
  openedExternally: [] as string[],
  protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  fetched: [] as string[],
  appListeners: new Map<string, Listener[]>(),
  crashReporterStarts: [] as Record<string, unknown>[],
  dialogs: [] as { message: string; buttons: string[] }[],
  /** What the next message box answers (the index of the button the user "clicks"). */
  dialogResponse: 0,
  quits: 0,
  paths: new Map<string, string>(),
  menu: null as unknown[] | null,
  notifications: [] as FakeNotification[],
};

/** Records each notification shown; `click()` fires its click listeners as the OS would. */
export class FakeNotification {
  static isSupported(): boolean {
    return true;
  }
  shown = false;
  private readonly clickListeners: Listener[] = [];
  constructor(readonly options: { title: string; body: string }) {}
  on(event: string, listener: Listener): this {
    if (event === 'click') this.clickListeners.push(listener);
    return this;
  }
  show(): void {
    this.shown = true;
    recorded.notifications.push(this);
  }
  click(): void {
    for (const listener of this.clickListeners) listener({});
  }
}

export const fakeElectron = {
  app: {
    on: (event: string, listener: Listener) => recorded.appListeners.set(event, [...(recorded.appListeners.get(event) ?? []), listener]),
    getPath: (name: string) => recorded.paths.get(name) ?? `/nonexistent/${name}`,
    once: (event: string, listener: Listener) => recorded.appListeners.set(event, [...(recorded.appListeners.get(event) ?? []), listener]),
    quit: () => void recorded.quits++,
    exit: () => void recorded.quits++,
  },
  Menu: {
    buildFromTemplate: (template: unknown[]) => template,
    setApplicationMenu: (menu: unknown[]) => void (recorded.menu = menu),
  },
  crashReporter: { start: (options: Record<string, unknown>) => void recorded.crashReporterStarts.push(options) },
  dialog: {
    showMessageBox: async (_window: unknown, options: { message: string; buttons: string[] }) => {
      recorded.dialogs.push({ message: options.message, buttons: options.buttons });
      return { response: recorded.dialogResponse, checkboxChecked: false };
    },
  },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => {
      if (recorded.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`); // as Electron does
      recorded.ipcHandlers.set(channel, handler);
    },
    removeHandler: (channel: string) => recorded.ipcHandlers.delete(channel),
  },
  BrowserWindow: FakeBrowserWindow,
  Notification: FakeNotification,
  session: { defaultSession: recorded.defaultSession },
  globalShortcut: {
    register: (accelerator: string, callback: () => void) => (recorded.shortcuts.set(accelerator, callback), true),
    unregister: (accelerator: string) => void recorded.shortcuts.delete(accelerator),
  },
  Tray: FakeTray,
  nativeImage: {
    createFromBitmap: (buffer: Buffer, size: { width: number; height: number }) => ({ buffer, ...size }),
    createFromPath: (path: string) => ({ path }),
  },
  powerMonitor: {
    on: (event: string, listener: Listener) => void powerListeners.set(event, [...(powerListeners.get(event) ?? []), listener]),
    off: (event: string, listener: Listener) => void powerListeners.set(event, (powerListeners.get(event) ?? []).filter((other) => other !== listener)),
    getSystemIdleTime: () => recorded.systemIdleSeconds,
  },
  shell: { openExternal: async (url: string) => void recorded.openedExternally.push(url) },
  protocol: {
    registerSchemesAsPrivileged: () => {},
    handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => recorded.protocolHandlers.set(scheme, handler),
  },
  net: {
    // Stands in for reading the file the handler picked: records which one.
    fetch: async (url: string) => {
      recorded.fetched.push(url);
      return new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } });
    },
  },
};
