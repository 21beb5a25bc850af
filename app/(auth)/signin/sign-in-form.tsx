"use client";
import { useActionState } from "react";
import { signInWithPassword, type SignInState } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInWithPassword, { message: null });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label className="block text-sm font-medium">
        Email
        <input name="email" type="email" autoComplete="email" required aria-describedby="email-error"
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
      <p id="email-error" className="text-sm text-red-600">{state.fieldErrors?.email?.join(" ")}</p>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="current-password" required aria-describedby="password-error"
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
      <p id="password-error" className="text-sm text-red-600">{state.fieldErrors?.password?.join(" ")}</p>
      {state.message && <p role="alert" data-testid="signin-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{state.message}</p>}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-indigo-600 px-3 py-2 font-medium text-white disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
