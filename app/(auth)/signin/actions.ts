"use server";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { ZSignIn } from "@/lib/auth/schemas";

export interface SignInState {
  message: string | null;
  fieldErrors?: { email?: string[]; password?: string[] };
}

export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = ZSignIn.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) {
    const fieldErrors: SignInState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as "email" | "password";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { message: "Check the highlighted fields.", fieldErrors };
  }
  const next = String(formData.get("callbackUrl") || "/");
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: next.startsWith("/") && !next.startsWith("//") ? next : "/" });
    return { message: null };
  } catch (error) {
    if (error instanceof AuthError) return { message: "Wrong email or password." };
    throw error;
  }
}
