// Node-side Auth.js: credentials against database users, plus OAuth providers switched on by env vars.
import NextAuth, { CredentialsSignin } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { ZSignIn } from "./schemas";
import { authConfig } from "./config";
import { findUserForOAuth, verifyPassword } from "@/lib/db/users";

class InvalidLogin extends CredentialsSignin {
  code = "invalid_credentials";
}

const providers: Provider[] = [
  Credentials({
    credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
    async authorize(raw) {
      const parsed = ZSignIn.safeParse(raw);
      if (!parsed.success) throw new InvalidLogin();
      const user = await verifyPassword(parsed.data.email, parsed.data.password);
      if (!user) throw new InvalidLogin();
      return { id: user.id, email: user.email, name: user.name };
    },
  }),
];
if (process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET) providers.push(GitHub);
if (process.env.AUTH_GOOGLE_ID && process.env.AUTH_GOOGLE_SECRET) providers.push(Google);

export const oauthProviderIds = providers.map((p) => (typeof p === "function" ? p().id : p.id)).filter((id) => id !== "credentials");

export const { auth, handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  providers,
  callbacks: {
    ...authConfig.callbacks,
    // OAuth signs in existing (invited) users only: the membership model lives in our database.
    async signIn({ user, account }) {
      if (!account || account.provider === "credentials") return true;
      const existing = await findUserForOAuth(user.email ?? "", account.provider, account.providerAccountId);
      if (!existing) return "/signin?error=not_invited";
      user.id = existing.id;
      return true;
    },
  },
});
