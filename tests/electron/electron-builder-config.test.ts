import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * electron-builder.yml checked offline with electron-builder's own loader and schema validation (the same calls
 * `electron-builder` makes before building), then the security-relevant parts asserted one by one.
 */
const require = createRequire(import.meta.url);
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const { getConfig, validateConfiguration } = builderRequire('./out/util/config/config.js') as {
  getConfig(
    projectDir: string,
    configPath: string | null,
    configFromOptions: unknown,
  ): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const quietLogger = { isEnabled: false, add: () => undefined };
const root = path.resolve(import.meta.dirname, '../..');

let config: Record<string, unknown>;
let raw: Record<string, unknown>;

beforeAll(async () => {
  config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
  raw = yaml.load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration validation', async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('is really validated: an unknown option is refused by the same call', async () => {
    await expect(validateConfiguration({ ...config, notAnOption: true }, quietLogger)).rejects.toThrow(
      /Invalid configuration object/,
    );
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNode: 'no' } }, quietLogger)).rejects.toThrow(
      /Invalid configuration object/,
    );
  });

  it('flips the Electron fuses', () => {
    expect(raw['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packages an explicit allow-list, inside an asar', () => {
    expect(raw['files']).toEqual(['out/**', '!out/**/*.map', 'package.json']);
    expect(raw['asar']).toBe(true);
  });

  it('names the app and targets Linux (AppImage, deb), Windows (NSIS) and macOS (dmg)', () => {
    expect(raw['appId']).toBe('fr.volontaires-climat.desk');
    expect(raw['productName']).toBe('Desk Climat');
    expect((raw['linux'] as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((raw['win'] as { target: string[] }).target).toEqual(['nsis']);
    expect((raw['mac'] as { target: string[] }).target).toEqual(['dmg']);
    expect((raw['directories'] as { buildResources: string }).buildResources).toBe('build');
  });

  it('has a 512×512 PNG icon in build/', async () => {
    const png = await readFile(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });

  it('starts from the bundled main process and ships no runtime dependency', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg['main']).toBe('out/main/index.js');
    expect(Object.keys((pkg['dependencies'] as Record<string, string> | undefined) ?? {})).toEqual([]);
  });
});
