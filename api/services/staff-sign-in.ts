/** Staff sign-in and sign-out, shared by the sign-in page and the JSON API. */
import type { Kysely } from 'kysely';
import { deleteSession, findStaffByUsername, insertSession } from '../../db/queries/staff';
import type { Database } from '../../db/schema';
import { securityConfig } from '../security/config';
import { hashToken, newToken, STAFF_TOKEN_PREFIX } from '../security/tokens';
import { hashPassword, verifyPassword } from '../../db/passwords';

let decoy: Promise<string> | undefined;

/**
 * The user if the password is right. An unknown username costs the same scrypt work as a wrong password, so timing
 * does not tell which usernames exist.
 */
export async function authenticateStaff(db: Kysely<Database>, username: string, password: string) {
  // Usernames are plain ASCII; anything else (a NUL, which PostgreSQL refuses) cannot be one, and costs the same below.
  const user = /^[A-Za-z0-9._-]{1,50}$/.test(username) ? await findStaffByUsername(db, username) : undefined;
  decoy ??= hashPassword('decoy-password-for-unknown-users');
  const ok = await verifyPassword(password.slice(0, 200), user?.password_hash ?? (await decoy));
  return user && ok && password.length <= 200 ? user : undefined;
}

export async function openStaffSession(db: Kysely<Database>, userId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken(STAFF_TOKEN_PREFIX);
  const expiresAt = new Date(Date.now() + securityConfig.staffSessionHours * securityConfig.HOUR);
  await insertSession(db, hashToken(token), userId, expiresAt);
  return { token, expiresAt };
}

export async function closeStaffSession(db: Kysely<Database>, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}
