/**
 * Loads `pipeline.config.ts` (or any .ts/.js/.mjs/.json config) with jiti, which compiles TypeScript configs on the
 * fly, so users edit the config without a build step.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createJiti } from 'jiti';
import { type Config, type UserConfig, resolveConfig } from './config.js';

export const DEFAULT_CONFIG_FILE = 'pipeline.config.ts';

export class ConfigError extends Error {}

export async function loadUserConfig(file: string | undefined, cwd = process.cwd()): Promise<{ config: UserConfig; path: string | null }> {
  const path = resolve(cwd, file ?? DEFAULT_CONFIG_FILE);
  if (!existsSync(path)) {
    if (file) throw new ConfigError(`config file not found: ${file}`);
    return { config: {}, path: null };
  }
  try {
    const jiti = createJiti(import.meta.url, { moduleCache: false });
    const config = await jiti.import<UserConfig>(path, { default: true });
    return { config: config ?? {}, path };
  } catch (err) {
    throw new ConfigError(`cannot load ${file ?? DEFAULT_CONFIG_FILE}: ${(err as Error).message}`);
  }
}

export async function loadConfig(file: string | undefined, overrides: UserConfig = {}, cwd = process.cwd()): Promise<Config> {
  const { config } = await loadUserConfig(file, cwd);
  return resolveConfig(config, overrides);
}
