import bcrypt from "bcryptjs";
import { db } from "./client";

// Compare against a fixed hash when the user is unknown, so response time does not reveal which emails exist.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.GmIYBJXuA/6i3b4Fx.Rrj3iw5nbW";

export async function verifyPassword(email: string, password: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  return ok && user?.passwordHash ? { id: user.id, email: user.email, name: user.name } : null;
}

export async function findUserForOAuth(email: string, provider: string, providerAccountId: string) {
  const linked = await db.oAuthAccount.findUnique({ where: { provider_providerAccountId: { provider, providerAccountId } }, select: { userId: true } });
  if (linked) return { id: linked.userId };
  if (!email) return null;
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (!user) return null;
  await db.oAuthAccount.create({ data: { provider, providerAccountId, userId: user.id } });
  return user;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}
