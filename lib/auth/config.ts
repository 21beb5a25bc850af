// Edge-safe Auth.js config shared by proxy.ts (first gate only) and the Node-side auth.ts.
import type { NextAuthConfig } from "next-auth";

export const authConfig = {
  pages: { signIn: "/signin" },
  session: { strategy: "jwt" },
  trustHost: true,
  logger: {
    // A failed sign-in is an expected outcome, not a stack trace in the server log.
    error(error: Error) {
      if (error.name === "CredentialsSignin") return;
      console.error(error);
    },
  },
  callbacks: {
    authorized({ auth, request: { nextUrl } }) {
      const signedIn = Boolean(auth?.user);
      if (nextUrl.pathname.startsWith("/signin")) return true;
      return signedIn;
    },
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.uid && session.user) session.user.id = String(token.uid);
      return session;
    },
  },
  providers: [],
} satisfies NextAuthConfig;
