/**
 * The AES-256 keys that encrypt Temporal payloads. One key is current (it encrypts); older keys stay in the ring only
 * so histories written under them can still be read after a rotation.
 *
 * Rotation procedure: run `rotatedKeysFile` over the keys file (or prepend a new `id:key` entry to
 * GONGQING_PAYLOAD_KEYS), restart the worker, API and codec endpoint together, and keep every old key for as long
 * as any history encrypted with it is retained by Temporal. Removing a key makes those histories unreadable.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface KeyRing {
  /** id of the key that encrypts new payloads; always present in `keys` */
  currentId: string;
  /** every key that may decrypt, by id; each exactly 32 bytes */
  keys: Map<string, Buffer>;
}

const KEY_ID = /^[A-Za-z0-9_.-]{1,32}$/;
// Buffer.from(_, 'base64') silently skips invalid characters, so the alphabet is checked before decoding.
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const KEY_BYTES = 32;

/**
 * Reads the ring from GONGQING_PAYLOAD_KEYS (`id:base64,id:base64`, first entry current) or, failing that, from the
 * JSON file named by GONGQING_KEYS_FILE. Throws when neither is set or anything is malformed: running without
 * encryption by accident would put personal data in Temporal's database in clear text.
 */
export function keyRingFromEnv(env: NodeJS.ProcessEnv = process.env): KeyRing {
  const inline = env.GONGQING_PAYLOAD_KEYS?.trim();
  if (inline) return parseKeyList(inline);
  const file = env.GONGQING_KEYS_FILE?.trim();
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new Error(`Cannot read payload keys file ${file} (GONGQING_KEYS_FILE): ${(err as Error).message}`);
    }
    return parseKeysFile(text, file);
  }
  throw new Error(
    'No payload encryption keys: set GONGQING_PAYLOAD_KEYS ("id:base64key,..." with the current key first) ' +
      'or GONGQING_KEYS_FILE (path of a JSON keys file such as data/keys.json)',
  );
}

function parseKeyList(list: string): KeyRing {
  const entries = list.split(',').map((entry, i) => {
    const colon = entry.indexOf(':');
    if (colon < 0) throw new Error(`GONGQING_PAYLOAD_KEYS entry ${i + 1} is not of the form id:base64key`);
    return [entry.slice(0, colon).trim(), entry.slice(colon + 1).trim()] as const;
  });
  return buildRing(entries[0][0], entries, 'GONGQING_PAYLOAD_KEYS');
}

/** Parses a keys file's text: `{ "payload": { "current": id, "keys": { id: base64 } } }`; other members ignored. */
export function parseKeysFile(text: string, source = 'payload keys file'): KeyRing {
  const payload = payloadSection(text, source);
  return buildRing(payload.current, Object.entries(payload.keys), source);
}

interface PayloadSection {
  current: string;
  keys: Record<string, string>;
}

function payloadSection(text: string, source: string): PayloadSection {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source} is not valid JSON: ${(err as Error).message}`);
  }
  const payload = isRecord(parsed) ? parsed.payload : undefined;
  if (!isRecord(payload) || typeof payload.current !== 'string' || !isRecord(payload.keys)) {
    throw new Error(
      `${source} lacks a "payload" member of the form { "current": "<id>", "keys": { "<id>": "<base64>" } }`,
    );
  }
  for (const [id, value] of Object.entries(payload.keys)) {
    if (typeof value !== 'string') throw new Error(`${source}: payload key "${id}" must be a base64 string`);
  }
  return payload as unknown as PayloadSection;
}

function buildRing(currentId: string, entries: ReadonlyArray<readonly [string, string]>, source: string): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const [id, encoded] of entries) {
    if (!KEY_ID.test(id)) {
      throw new Error(`${source}: key id "${id}" is invalid; ids must match ${KEY_ID.source}`);
    }
    if (keys.has(id)) throw new Error(`${source}: key id "${id}" appears twice`);
    // The message never quotes the key itself: it may end up in logs.
    const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : undefined;
    if (!key || key.length !== KEY_BYTES) {
      const got = key ? `${key.length} bytes` : 'not base64';
      throw new Error(`${source}: key "${id}" must be exactly ${KEY_BYTES} bytes of base64 (AES-256); got ${got}`);
    }
    keys.set(id, key);
  }
  if (!keys.has(currentId)) {
    const known = [...keys.keys()].join(', ');
    throw new Error(`${source}: the current key id "${currentId}" is not among the keys (${known})`);
  }
  return { currentId, keys };
}

/** JSON text of a fresh keys file: one random payload key and a random `linkSecret` (for signed links). */
export function newKeysFile(): string {
  const id = newKeyId();
  return serialize({
    payload: { current: id, keys: { [id]: randomKey() } },
    linkSecret: randomKey(),
  });
}

/**
 * Adds a new random key to a keys file and makes it current; old keys stay so existing histories remain readable.
 * Other top-level members (such as linkSecret) are kept unchanged.
 */
export function rotatedKeysFile(text: string): string {
  parseKeysFile(text); // refuse to rotate a file that would not load
  const file = JSON.parse(text) as Record<string, unknown> & { payload: PayloadSection };
  let id = newKeyId();
  while (id in file.payload.keys) id = newKeyId();
  return serialize({
    ...file,
    payload: { ...file.payload, current: id, keys: { ...file.payload.keys, [id]: randomKey() } },
  });
}

/** `k` + UTC yyyymmdd + 4 random hex digits, e.g. k20260315a3f0: sortable by creation day, unique within it. */
function newKeyId(): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  return `k${day}${randomBytes(2).toString('hex')}`;
}

function randomKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

function serialize(file: unknown): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
