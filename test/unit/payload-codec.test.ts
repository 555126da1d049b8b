import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { describe, expect, it } from 'vitest';
import { AesGcmPayloadCodec } from '../../activities/codec/aes-gcm-codec';
import { gongqingDataConverter } from '../../activities/codec/data-converter';
import { type KeyRing, keyRingFromEnv, newKeysFile, rotatedKeysFile } from '../../activities/codec/key-ring';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const ringK1: KeyRing = { currentId: 'k1', keys: new Map([['k1', k1]]) };
const ringK2: KeyRing = { currentId: 'k2', keys: new Map([['k2', k2], ['k1', k1]]) };

const name = '张秀英';
const phone = '13812345678';
const clear = defaultPayloadConverter.toPayload({ name, phone, description: '拖欠工资三个月' });

const text = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array());
const contains = (haystack: Uint8Array, needle: string) => Buffer.from(haystack).includes(Buffer.from(needle, 'utf8'));

async function encodeOne(ring: KeyRing, payload: Payload = clear) {
  const [encoded] = await new AesGcmPayloadCodec(ring).encode([payload]);
  return encoded;
}

async function decodeOne(ring: KeyRing, payload: Payload) {
  const [decoded] = await new AesGcmPayloadCodec(ring).decode([payload]);
  return decoded;
}

describe('AES-GCM payload codec', () => {
  it('round-trips a JSON payload with a Chinese name and phone', async () => {
    const decoded = await decodeOne(ringK1, await encodeOne(ringK1));
    expect(text(decoded.metadata?.encoding)).toBe('json/plain');
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual({ name, phone, description: '拖欠工资三个月' });
  });

  it('labels the ciphertext and hides the name and the phone', async () => {
    const encoded = await encodeOne(ringK1);
    expect(text(encoded.metadata?.encoding)).toBe('binary/encrypted');
    expect(text(encoded.metadata?.['encryption-key-id'])).toBe('k1');
    expect(contains(encoded.data!, name)).toBe(false);
    expect(contains(encoded.data!, phone)).toBe(false);
    expect(contains(encoded.data!, 'json/plain')).toBe(false); // the inner metadata is encrypted too
    expect(contains(clear.data!, name)).toBe(true); // sanity: the check would catch clear text
  });

  it('uses a fresh IV for every encoding', async () => {
    const a = await encodeOne(ringK1);
    const b = await encodeOne(ringK1);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
    expect(Buffer.from(a.data!).subarray(0, 12).equals(Buffer.from(b.data!).subarray(0, 12))).toBe(false);
  });

  it('refuses a payload with any byte altered', async () => {
    const encoded = await encodeOne(ringK1);
    for (const at of [0, 20, encoded.data!.length - 1]) {
      const data = Buffer.from(encoded.data!);
      data[at] ^= 0x01;
      await expect(decodeOne(ringK1, { ...encoded, data })).rejects.toThrow(/failed authentication/);
    }
  });

  it('refuses a payload relabelled with another key id (the id is authenticated)', async () => {
    const both: KeyRing = { currentId: 'k1', keys: new Map([['k1', k1], ['k2', k1]]) };
    const encoded = await encodeOne(both);
    const k2Label = new TextEncoder().encode('k2');
    const relabelled = { ...encoded, metadata: { ...encoded.metadata, 'encryption-key-id': k2Label } };
    await expect(decodeOne(both, relabelled)).rejects.toThrow(/failed authentication with key "k2"/);
  });

  it('passes payloads recorded before encryption through decode unchanged', async () => {
    const [decoded, empty] = await new AesGcmPayloadCodec(ringK1).decode([clear, {}]);
    expect(decoded).toBe(clear);
    expect(empty).toEqual({});
  });
});

describe('key rotation', () => {
  it('reads payloads of the old key and encrypts new ones with the current key', async () => {
    const old = await encodeOne(ringK1);
    expect(defaultPayloadConverter.fromPayload<{ name: string }>(await decodeOne(ringK2, old)).name).toBe(name);
    const fresh = await encodeOne(ringK2);
    expect(text(fresh.metadata?.['encryption-key-id'])).toBe('k2');
  });

  it('names the missing key when the ring no longer holds it', async () => {
    const old = await encodeOne(ringK1);
    const withoutK1: KeyRing = { currentId: 'k2', keys: new Map([['k2', k2]]) };
    await expect(decodeOne(withoutK1, old)).rejects.toThrow(/key "k1" is missing/);
  });
});

describe('keyRingFromEnv', () => {
  const b64 = (bytes: Buffer) => bytes.toString('base64');

  it('takes the first GONGQING_PAYLOAD_KEYS entry as current and keeps the rest for decryption', () => {
    const ring = keyRingFromEnv({ GONGQING_PAYLOAD_KEYS: `k2:${b64(k2)}, k1:${b64(k1)}` });
    expect(ring.currentId).toBe('k2');
    expect(ring.keys.get('k1')?.equals(k1)).toBe(true);
    expect(ring.keys.get('k2')?.equals(k2)).toBe(true);
  });

  it('refuses to start without keys', () => {
    expect(() => keyRingFromEnv({})).toThrow(/GONGQING_PAYLOAD_KEYS.*GONGQING_KEYS_FILE/);
  });

  it('refuses a key that is not 32 bytes', () => {
    const short = `k1:${b64(randomBytes(31))}`;
    expect(() => keyRingFromEnv({ GONGQING_PAYLOAD_KEYS: short })).toThrow(/exactly 32 bytes.*got 31 bytes/);
    expect(() => keyRingFromEnv({ GONGQING_PAYLOAD_KEYS: 'k1:not*base64' })).toThrow(/not base64/);
  });

  it('refuses a bad key id', () => {
    expect(() => keyRingFromEnv({ GONGQING_PAYLOAD_KEYS: `k 1:${b64(k1)}` })).toThrow(/key id "k 1" is invalid/);
  });

  it('refuses a keys file whose current id is not among its keys', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gq-keys-')), 'keys.json');
    writeFileSync(file, JSON.stringify({ payload: { current: 'k3', keys: { k1: b64(k1), k2: b64(k2) } } }));
    expect(() => keyRingFromEnv({ GONGQING_KEYS_FILE: file })).toThrow(/current key id "k3" is not among the keys/);
  });

  it('accepts files made by newKeysFile and rotatedKeysFile, keeping old keys and other members', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gq-keys-')), 'keys.json');
    const first = newKeysFile();
    writeFileSync(file, first);
    const before = keyRingFromEnv({ GONGQING_KEYS_FILE: file });
    expect(before.currentId).toMatch(/^k\d{8}[0-9a-f]{4}$/);
    expect(Buffer.from(JSON.parse(first).linkSecret, 'base64')).toHaveLength(32);
    const old = await encodeOne(before);

    writeFileSync(file, rotatedKeysFile(first));
    const after = keyRingFromEnv({ GONGQING_KEYS_FILE: file });
    expect(after.currentId).not.toBe(before.currentId);
    expect(after.keys.get(before.currentId)?.equals(before.keys.get(before.currentId)!)).toBe(true);
    expect(after.keys.size).toBe(2);
    expect(JSON.parse(rotatedKeysFile(first)).linkSecret).toBe(JSON.parse(first).linkSecret);
    expect(defaultPayloadConverter.fromPayload<{ phone: string }>(await decodeOne(after, old)).phone).toBe(phone);
  });
});

describe('gongqingDataConverter', () => {
  it('loads with the encrypting codec and a failure converter that encodes messages and stack traces', () => {
    const loaded = loadDataConverter(gongqingDataConverter(ringK1));
    expect(loaded.payloadCodecs[0]).toBeInstanceOf(AesGcmPayloadCodec);
    expect((loaded.failureConverter as unknown as { options: { encodeCommonAttributes: boolean } }).options).toEqual({
      encodeCommonAttributes: true,
    });
  });
});
