// First gate only: pages, actions and queries check the session and the role again.
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

export default NextAuth(authConfig).auth;

export const config = {
  matcher: ["/((?!api/auth|api/inngest|api/v1|api/health|_next/static|_next/image|favicon.ico).*)"],
};
