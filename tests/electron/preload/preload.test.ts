import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, methodNameOf, type IpcChannel } from '../../../shared/ipc/contract';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ echoed: channel, args })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke, send: vi.fn(), sendSync: vi.fn(), on: vi.fn() },
}));

let exposed: Record<string, unknown>;

beforeAll(async () => {
  await import('../../../electron/preload/index');
  expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
  const [name, api] = electron.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
  expect(name).toBe('desktop');
  exposed = api;
});

const SAMPLE_INPUT: Record<IpcChannel, unknown> = {
  'app:get-info': undefined,
  'app:set-language': { language: 'fr' },
  'file:save': { suggestedName: 'a.csv', filters: [], data: new Uint8Array([1]) },
  'file:open': { filters: [], maxBytes: 10 },
  'print:save-pdf': { suggestedName: 'a.pdf', landscape: true },
  'shell:open-external': { url: 'https://www.paris.fr/' },
  'backup:get-status': undefined,
  'backup:write-automatic': { data: new Uint8Array([1]), createdAt: '2026-11-28T09:00:00Z', reason: 'import' },
  'backup:choose-folder': { useDefault: true },
  'backup:set-passphrase': { passphrase: null },
  'sync:get-target': undefined,
  'sync:set-target': { server: null, user: '', password: null },
  'sync:send-request': { url: 'https://couch.example.org/', method: 'GET', headers: {}, body: null },
};

describe('the preload', () => {
  it('exposes window.desktop with exactly one method per channel of the contract, and nothing else', () => {
    expect(Object.keys(exposed).sort()).toEqual(IPC_CHANNELS.map(methodNameOf).sort());
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or a way to send on any channel', () => {
    const values = Object.values(exposed);
    expect(values).not.toContain(electron.invoke);
    expect(exposed).not.toHaveProperty('ipcRenderer');
    expect(exposed).not.toHaveProperty('invoke');
    expect(exposed).not.toHaveProperty('send');
    expect(exposed).not.toHaveProperty('on');
  });

  it.each(IPC_CHANNELS)('maps %s to one invoke on that channel with the input unchanged', async (channel) => {
    electron.invoke.mockClear();
    const method = exposed[methodNameOf(channel)] as (input?: unknown) => Promise<unknown>;
    const input = SAMPLE_INPUT[channel];
    const result = await method(input);
    expect(electron.invoke).toHaveBeenCalledOnce();
    expect(electron.invoke).toHaveBeenCalledWith(channel, ...(input === undefined ? [] : [input]));
    expect(result).toEqual({ echoed: channel, args: input === undefined ? [] : [input] });
  });

  it('cannot be steered to another channel by its argument', async () => {
    electron.invoke.mockClear();
    await (exposed['getInfo'] as (input?: unknown) => Promise<unknown>)('file:save');
    await (exposed['save'] as (input?: unknown) => Promise<unknown>)('shell:open-external');
    expect(electron.invoke.mock.calls).toEqual([['app:get-info'], ['file:save', 'shell:open-external']]);
  });
});
