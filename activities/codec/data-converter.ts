/**
 * The DataConverter every Temporal client and worker of Gongqing must share: a client without it could not read what
 * the worker wrote, and would write clear text the worker still accepts (decode passes unencrypted payloads through).
 */
import { fileURLToPath } from 'node:url';
import type { DataConverter, PayloadCodec } from '@temporalio/common';
import { AesGcmPayloadCodec } from './aes-gcm-codec';
import { type KeyRing, keyRingFromEnv } from './key-ring';

/**
 * The SDK takes a failure converter only as a module path (it is also bundled into the workflow sandbox), not as an
 * instance; that module turns on encodeCommonAttributes so failure messages and stack traces get encrypted too.
 */
export const failureConverterPath = fileURLToPath(new URL('./failure-converter.cjs', import.meta.url));

/** The payload codec alone, for the codec HTTP endpoint that lets Temporal UI / CLI show decrypted payloads. */
export function codecFor(ring: KeyRing, reload?: () => KeyRing): PayloadCodec {
  return new AesGcmPayloadCodec(ring, reload);
}

/**
 * Without a ring given, the keys come from the environment (GONGQING_PAYLOAD_KEYS or GONGQING_KEYS_FILE), read again
 * when a payload names a key not known yet: after a rotation the API reads what a restarted worker writes at once.
 */
export function gongqingDataConverter(ring?: KeyRing): DataConverter {
  return { payloadCodecs: [ring ? codecFor(ring) : codecFor(keyRingFromEnv(), () => keyRingFromEnv())], failureConverterPath };
}
