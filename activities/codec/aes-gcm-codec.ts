/**
 * Encrypts every Temporal payload with AES-256-GCM so that names, phones and descriptions in workflow inputs,
 * updates, results and failures never sit in clear text in Temporal's database.
 *
 * The whole Payload (metadata included) is serialized and encrypted, so even the inner encoding (json/plain, ...)
 * is hidden. The outer payload carries only `encoding: binary/encrypted` and the id of the key that encrypted it;
 * its data is iv (12 bytes) || ciphertext || GCM tag (16 bytes). The key id is GCM additional authenticated data, so a
 * payload relabelled with another key id fails authentication instead of decrypting under the wrong key.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
import proto from '@temporalio/proto'; // CommonJS: named imports do not resolve under ESM
import type { KeyRing } from './key-ring';

const { temporal } = proto;

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const METADATA_ENCRYPTION_KEY_ID = 'encryption-key-id';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly currentKey: Buffer;
  private readonly currentIdBytes: Uint8Array;

  /**
   * `reload`: where the ring came from, read again when a payload names a key this process does not know yet (a
   * rotation rolled out to the worker first): readers then keep working without a restart.
   */
  constructor(private ring: KeyRing, private readonly reload?: () => KeyRing) {
    const key = ring.keys.get(ring.currentId);
    if (!key) throw new Error(`Payload key ring has no key for its current id "${ring.currentId}"`);
    this.currentKey = key;
    this.currentIdBytes = utf8.encode(ring.currentId);
  }

  private keyFor(keyId: string): Buffer | undefined {
    const known = this.ring.keys.get(keyId);
    if (known || !this.reload) return known;
    // Decrypt-only: the key this process encrypts with stays the one it started with until it restarts.
    this.ring = { currentId: this.ring.currentId, keys: new Map([...this.reload().keys, ...this.ring.keys]) };
    return this.ring.keys.get(keyId);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  private encrypt(payload: Payload): Payload {
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const iv = randomBytes(IV_BYTES); // random per payload: a repeated (key, iv) pair would break GCM entirely
    const cipher = createCipheriv(CIPHER, this.currentKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(this.currentIdBytes);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: utf8.encode(ENCRYPTED_ENCODING),
        [METADATA_ENCRYPTION_KEY_ID]: this.currentIdBytes.slice(), // a copy: payloads must not share buffers
      },
      data: Buffer.concat([iv, body, cipher.getAuthTag()]),
    };
  }

  private decrypt(payload: Payload): Payload {
    const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
    // Payloads written before encryption was switched on pass through, so old histories still replay and read.
    if (!encoding || fromUtf8.decode(encoding) !== ENCRYPTED_ENCODING) return payload;

    const idBytes = payload.metadata?.[METADATA_ENCRYPTION_KEY_ID];
    if (!idBytes) throw new ValueError('Encrypted payload has no encryption-key-id metadata');
    const keyId = fromUtf8.decode(idBytes);
    const key = this.keyFor(keyId);
    if (!key) {
      throw new ValueError(
        `Cannot decrypt payload: key "${keyId}" is missing from the payload key ring ` +
          `(known: ${[...this.ring.keys.keys()].join(', ')}); old keys must be kept after a rotation`,
      );
    }
    const data = payload.data;
    if (!data || data.length < IV_BYTES + TAG_BYTES) {
      throw new ValueError(`Encrypted payload (key "${keyId}") is too short to hold an IV and a tag`);
    }

    const iv = data.subarray(0, IV_BYTES);
    const tag = data.subarray(data.length - TAG_BYTES);
    const body = data.subarray(IV_BYTES, data.length - TAG_BYTES);
    const decipher = createDecipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(idBytes);
    decipher.setAuthTag(tag);
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new ValueError(`Encrypted payload failed authentication with key "${keyId}": altered or wrong key`);
    }
    return temporal.api.common.v1.Payload.decode(plain);
  }
}
