import { describe, expect, it, vi } from 'vitest';
import { createBrowserFallback, getDesktopApi } from '../../../renderer/lib/desktop-api';
import { IPC_CHANNELS, methodNameOf, type DesktopBridge } from '../../../shared/ipc/contract';

describe('the desktop API adapter', () => {
  it('uses the Electron bridge when the preload exposed one', async () => {
    const getInfo = vi.fn(async () => ({
      name: 'x',
      version: '1',
      platform: 'linux',
      electronVersion: '45',
      isPackaged: true,
    }));
    const bridge = { getInfo } as unknown as DesktopBridge;
    const api = getDesktopApi({ desktop: bridge } as unknown as Window);
    expect(api.kind).toBe('electron');
    await api.getInfo();
    expect(getInfo).toHaveBeenCalledOnce();
  });

  it('falls back to the browser, with one function per contract channel', () => {
    const api = getDesktopApi(window);
    expect(api.kind).toBe('browser');
    for (const channel of IPC_CHANNELS)
      expect(typeof (api as Record<string, unknown>)[methodNameOf(channel)]).toBe('function');
  });

  it('saves by downloading a file with the suggested name', async () => {
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const result = await createBrowserFallback(window).save({
      suggestedName: 'export.csv',
      filters: [],
      data: new TextEncoder().encode('a;b\r\n'),
    });
    expect(result).toEqual({ status: 'saved', fileName: 'export.csv' });
    expect(clicks).toEqual(['export.csv']);
    click.mockRestore();
  });

  it('opens only allow-listed external URLs', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const api = createBrowserFallback(window);
    expect(await api.openExternal({ url: 'javascript:alert(1)' })).toEqual({ opened: false });
    expect(await api.openExternal({ url: 'file:///etc/passwd' })).toEqual({ opened: false });
    expect(await api.openExternal({ url: 'https://www.paris.fr/' })).toEqual({ opened: true });
    expect(open).toHaveBeenCalledTimes(1);
    open.mockRestore();
  });
});
