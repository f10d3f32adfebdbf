import { describe, expect, it } from 'vitest';
import { RedisUrlError, redacted, redisOptions } from './redis.js';

describe('redisOptions', () => {
  it('reads host, port, credentials, database and TLS from the URL', () => {
    expect(redisOptions('redis://127.0.0.1:6380')).toMatchObject({ host: '127.0.0.1', port: 6380 });
    expect(redisOptions('redis://queue.example')).toMatchObject({ host: 'queue.example', port: 6379 });
    const full = redisOptions('rediss://worker:p%40ss@[::1]:7000/3');
    expect(full).toMatchObject({ host: '::1', port: 7000, username: 'worker', password: 'p@ss', db: 3, tls: {} });
    expect(redisOptions('redis://h')).not.toHaveProperty('tls');
    expect(redisOptions('redis://:secret@h')).toMatchObject({ password: 'secret' });
    expect(redisOptions('redis://:secret@h')).not.toHaveProperty('username');
  });

  it('refuses what is not a Redis URL', () => {
    for (const bad of ['127.0.0.1:6379', 'http://h:6379', 'redis://h/zero', 'redis://']) expect(() => redisOptions(bad)).toThrow(RedisUrlError);
  });
});

it('redacted hides the password, and only it', () => {
  expect(redacted('redis://worker:hunter2@h:6379/1')).toBe('redis://worker:***@h:6379/1');
  expect(redacted('redis://h:6379')).toBe('redis://h:6379');
});
