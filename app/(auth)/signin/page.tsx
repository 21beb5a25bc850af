import { SignInForm } from "./sign-in-form";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-2xl font-semibold">Sign in to Layers</h1>
        <p className="mb-6 text-sm text-slate-500">Paid-media autopilot for app marketers.</p>
        {error === "not_invited" && <p role="alert" className="mb-4 text-sm text-red-700">That account is not a member of any organisation yet.</p>}
        <SignInForm callbackUrl={callbackUrl ?? "/"} />
      </div>
    </main>
  );
}
