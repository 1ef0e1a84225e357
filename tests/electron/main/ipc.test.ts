import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, MAX_OPEN_FILE_BYTES, type IpcChannel } from '../../../shared/ipc/contract';
import {
  createInvokeHandler,
  IpcRejectedError,
  isTrustedSenderFrame,
  registerIpcHandlers,
  type IpcHandlers,
  type SenderFrameLike,
  type SenderPolicy,
} from '../../../electron/main/ipc';

const PACKAGED: SenderPolicy = { isPackaged: true };
const DEV: SenderPolicy = { isPackaged: false, devServerUrl: 'http://localhost:5173' };

/** A top frame: no parent, its own top. */
function topFrame(url: string): SenderFrameLike {
  const frame: { url: string; parent: SenderFrameLike | null; top: SenderFrameLike | null } = {
    url,
    parent: null,
    top: null,
  };
  frame.top = frame;
  return frame;
}

function subFrame(url: string, parentUrl = 'app://bundle/index.html'): SenderFrameLike {
  const parent = topFrame(parentUrl);
  return { url, parent, top: parent };
}

const appFrame = topFrame('app://bundle/index.html');

describe('isTrustedSenderFrame', () => {
  it.each([
    ['the app top frame', appFrame],
    ['a route of the app', topFrame('app://bundle/volunteers?id=1#top')],
  ])('trusts %s', (_label, frame) => {
    expect(isTrustedSenderFrame(frame, PACKAGED)).toBe(true);
  });

  const throwing = {
    get url(): string {
      throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    },
    parent: null,
    get top() {
      return throwing;
    },
  } as SenderFrameLike;

  it.each([
    ['no frame (a destroyed sender)', null],
    ['an undefined frame', undefined],
    ['a subframe of the app', subFrame('app://bundle/index.html')],
    ['a foreign iframe inside the app', subFrame('https://attacker.example/')],
    [
      'a frame whose top is another frame',
      { url: 'app://bundle/index.html', parent: null, top: topFrame('app://bundle/') },
    ],
    ['another host on the app scheme', topFrame('app://attacker/index.html')],
    ['a look-alike host', topFrame('app://bundle.attacker.example/index.html')],
    ['the app host with a port', topFrame('app://bundle:1234/index.html')],
    ['an https page', topFrame('https://bundle/index.html')],
    ['a file: page', topFrame('file:///app/out/renderer/index.html')],
    ['a javascript: URL', topFrame('javascript:alert(1)')],
    ['a data: URL', topFrame('data:text/html,<script>1</script>')],
    ['about:blank', topFrame('about:blank')],
    ['an empty URL', topFrame('')],
    ['the dev server in a packaged app', topFrame('http://localhost:5173/')],
    ['a frame that throws on access', throwing],
  ])('refuses %s', (_label, frame) => {
    expect(isTrustedSenderFrame(frame, PACKAGED)).toBe(false);
  });

  it('trusts the dev server only when unpackaged, and only its exact host and port', () => {
    expect(isTrustedSenderFrame(topFrame('http://localhost:5173/'), DEV)).toBe(true);
    expect(isTrustedSenderFrame(topFrame('http://localhost:5174/'), DEV)).toBe(false);
    expect(isTrustedSenderFrame(topFrame('https://localhost:5173/'), DEV)).toBe(false);
    expect(isTrustedSenderFrame(topFrame('http://127.0.0.1:5173/'), DEV)).toBe(false);
    expect(isTrustedSenderFrame(subFrame('http://localhost:5173/', 'http://localhost:5173/'), DEV)).toBe(false);
    expect(
      isTrustedSenderFrame(topFrame('http://localhost:5173/'), {
        isPackaged: true,
        devServerUrl: 'http://localhost:5173',
      }),
    ).toBe(false);
    expect(isTrustedSenderFrame(topFrame('file:///x'), { isPackaged: false, devServerUrl: 'file:///x' })).toBe(false);
  });
});

const VALID_INPUT: Record<IpcChannel, unknown> = {
  'app:get-info': undefined,
  'app:set-language': { language: 'en' },
  'file:save': {
    suggestedName: 'roster.csv',
    filters: [{ name: 'CSV', extensions: ['csv'] }],
    data: new Uint8Array([1]),
  },
  'file:open': { filters: [{ name: 'CSV', extensions: ['csv'] }], maxBytes: 1024 },
  'print:save-pdf': { suggestedName: 'feuille.pdf', landscape: false },
  'shell:open-external': { url: 'https://www.paris.fr/' },
  'backup:get-status': undefined,
  'backup:write-automatic': { data: new Uint8Array([1]), createdAt: '2026-11-28T09:00:00Z', reason: 'import' },
  'backup:choose-folder': { useDefault: false },
  'backup:set-passphrase': { passphrase: 'une phrase de passe' },
  'sync:get-target': undefined,
  'sync:set-target': { server: 'https://couch.example.org', user: 'desk', password: null },
  'sync:send-request': { url: 'https://couch.example.org/db', method: 'GET', headers: {}, body: null },
};

const VALID_OUTPUT: Record<IpcChannel, unknown> = {
  'app:get-info': {
    name: 'Desk Climat',
    version: '0.1.0',
    platform: 'linux',
    electronVersion: '45.5.0',
    isPackaged: true,
  },
  'app:set-language': { ok: true },
  'file:save': { status: 'saved', fileName: 'roster.csv' },
  'file:open': { status: 'cancelled' },
  'print:save-pdf': { status: 'cancelled' },
  'shell:open-external': { opened: true },
  'backup:get-status': {
    folder: '/home/user/.config/Desk Climat/backups',
    isDefaultFolder: true,
    encrypted: false,
    passphraseRemembered: true,
    lastAutomaticAt: null,
    lastOffLaptopAt: null,
  },
  'backup:write-automatic': { status: 'written', fileName: 'a.zip', encrypted: false, removed: 0 },
  'backup:choose-folder': { status: 'cancelled' },
  'backup:set-passphrase': { encrypted: true, passphraseRemembered: true },
  'sync:get-target': { origin: null, user: '', hasPassword: false, keyringSecure: true },
  'sync:set-target': { origin: 'https://couch.example.org', user: 'desk', hasPassword: true, keyringSecure: true },
  'sync:send-request': { status: 'response', code: 200, body: '{}' },
};

function fakeHandlers() {
  return Object.fromEntries(
    IPC_CHANNELS.map((channel) => [channel, vi.fn(async () => VALID_OUTPUT[channel])]),
  ) as unknown as { [C in IpcChannel]: IpcHandlers[C] & ReturnType<typeof vi.fn> };
}

const event = (frame: SenderFrameLike | null = appFrame) => ({ senderFrame: frame, sender: { id: 1 } }) as never;

describe('createInvokeHandler', () => {
  it.each(IPC_CHANNELS)('passes a valid call on %s through, with the parsed input', async (channel) => {
    const handlers = fakeHandlers();
    const invoke = createInvokeHandler(channel, handlers[channel], PACKAGED);
    const args = VALID_INPUT[channel] === undefined ? [] : [VALID_INPUT[channel]];
    await expect(invoke(event(), ...args)).resolves.toEqual(VALID_OUTPUT[channel]);
    expect(handlers[channel]).toHaveBeenCalledOnce();
    expect(handlers[channel].mock.calls[0]![0]).toEqual(VALID_INPUT[channel]);
    expect(handlers[channel].mock.calls[0]![1]).toEqual({ sender: { id: 1 } });
  });

  it.each(IPC_CHANNELS)('refuses a foreign sender on %s without running the handler', async (channel) => {
    const handlers = fakeHandlers();
    const invoke = createInvokeHandler(channel, handlers[channel], PACKAGED);
    for (const frame of [null, subFrame('https://attacker.example/'), topFrame('https://attacker.example/')]) {
      const error = await invoke(event(frame), VALID_INPUT[channel]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(IpcRejectedError);
      expect((error as IpcRejectedError).reason).toBe('sender');
      expect((error as Error).message).toMatch(/expéditeur non autorisé.*untrusted sender/);
    }
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  const save = VALID_INPUT['file:save'] as Record<string, unknown>;
  const open = VALID_INPUT['file:open'] as Record<string, unknown>;
  const MALFORMED: [IpcChannel, string, unknown[]][] = [
    ['app:get-info', 'an object', [{}]],
    ['app:get-info', 'null', [null]],
    ['app:get-info', 'two arguments', [undefined, 'x']],
    ['app:set-language', 'an unknown language', [{ language: 'de' }]],
    ['app:set-language', 'no language', [{}]],
    ['file:save', 'nothing', []],
    ['file:save', 'a string', ['roster.csv']],
    ['file:save', 'no data', [{ ...save, data: undefined }]],
    ['file:save', 'data as a number array', [{ ...save, data: [1, 2, 3] }]],
    ['file:save', 'data as a string', [{ ...save, data: 'abc' }]],
    ['file:save', 'a relative path as name', [{ ...save, suggestedName: '../../.bashrc' }]],
    ['file:save', 'an absolute path as name', [{ ...save, suggestedName: '/etc/passwd' }]],
    ['file:save', 'a Windows path as name', [{ ...save, suggestedName: 'C:\\Windows\\x.dll' }]],
    ['file:save', 'a dot-dot name', [{ ...save, suggestedName: '..' }]],
    ['file:save', 'a NUL byte in the name', [{ ...save, suggestedName: 'a\0.csv' }]],
    ['file:save', 'an empty name', [{ ...save, suggestedName: '' }]],
    ['file:save', 'a 201-character name', [{ ...save, suggestedName: `${'a'.repeat(197)}.csv` }]],
    ['file:save', 'a dotted extension filter', [{ ...save, filters: [{ name: 'CSV', extensions: ['.csv'] }] }]],
    ['file:save', 'a wildcard filter', [{ ...save, filters: [{ name: 'Tout', extensions: ['*'] }] }]],
    ['file:save', 'eleven filters', [{ ...save, filters: Array(11).fill({ name: 'CSV', extensions: ['csv'] }) }]],
    ['file:save', 'a second argument', [save, save]],
    ['file:open', 'no maxBytes', [{ filters: [] }]],
    ['file:open', 'a zero limit', [{ ...open, maxBytes: 0 }]],
    ['file:open', 'a negative limit', [{ ...open, maxBytes: -1 }]],
    ['file:open', 'a fractional limit', [{ ...open, maxBytes: 1.5 }]],
    ['file:open', 'a limit as text', [{ ...open, maxBytes: '1024' }]],
    ['file:open', 'a limit above the maximum', [{ ...open, maxBytes: MAX_OPEN_FILE_BYTES + 1 }]],
    ['file:open', 'an infinite limit', [{ ...open, maxBytes: Infinity }]],
    ['print:save-pdf', 'landscape as text', [{ suggestedName: 'a.pdf', landscape: 'yes' }]],
    ['print:save-pdf', 'a path as name', [{ suggestedName: 'sub/a.pdf', landscape: true }]],
    ['shell:open-external', 'a number', [{ url: 42 }]],
    ['shell:open-external', 'a bare string', ['https://www.paris.fr/']],
    ['shell:open-external', 'a 4097-character URL', [{ url: `https://a.fr/${'a'.repeat(4084)}` }]],
    ['shell:open-external', 'nothing', []],
  ];

  it.each(MALFORMED)('refuses %s given %s without running the handler', async (channel, _label, args) => {
    const handlers = fakeHandlers();
    const invoke = createInvokeHandler(channel, handlers[channel], PACKAGED);
    const error = await invoke(event(), ...args).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IpcRejectedError);
    expect((error as IpcRejectedError).reason).toBe('input');
    expect((error as Error).message).toMatch(/paramètres invalides.*invalid input/);
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it.each([
    ['app:get-info', { name: 'Desk Climat' }],
    ['file:save', { status: 'saved' }],
    ['file:save', { status: 'done', fileName: 'x' }],
    ['file:open', { status: 'opened', fileName: 'a.csv', data: 'not bytes' }],
    ['print:save-pdf', undefined],
    ['shell:open-external', { opened: 'yes' }],
  ] as const)('refuses an output of %s that breaks the contract: %j', async (channel, output) => {
    const handler = vi.fn(async () => output) as unknown as IpcHandlers[typeof channel];
    const invoke = createInvokeHandler(channel, handler, PACKAGED);
    const args = VALID_INPUT[channel] === undefined ? [] : [VALID_INPUT[channel]];
    const error = await invoke(event(), ...args).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IpcRejectedError);
    expect((error as IpcRejectedError).reason).toBe('output');
  });

  it('strips fields the contract does not know from the output', async () => {
    const handler = vi.fn(async () => ({ opened: true, secret: '/home/user/.ssh/id_rsa' }));
    const invoke = createInvokeHandler('shell:open-external', handler, PACKAGED);
    await expect(invoke(event(), VALID_INPUT['shell:open-external'])).resolves.toEqual({ opened: true });
  });
});

describe('registerIpcHandlers', () => {
  it('registers exactly one wrapped handler per channel of the contract', async () => {
    const registered = new Map<string, (...args: unknown[]) => Promise<unknown>>();
    const ipcMain = { handle: vi.fn((channel: string, listener) => void registered.set(channel, listener)) };
    const handlers = fakeHandlers();
    registerIpcHandlers(ipcMain as never, handlers, PACKAGED);
    expect([...registered.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    // Registered listeners are the wrapped ones: a foreign sender is refused.
    await expect(registered.get('app:get-info')!(event(topFrame('https://attacker.example/')))).rejects.toThrow(
      IpcRejectedError,
    );
    expect(handlers['app:get-info']).not.toHaveBeenCalled();
  });
});
