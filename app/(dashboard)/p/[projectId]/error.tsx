"use client";

export default function ProjectError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6 text-red-800">
      <h2 className="font-semibold">This page could not load.</h2>
      <p className="mt-1 text-sm">{error.message || "Unexpected error."}{error.digest ? ` (ref ${error.digest})` : ""}</p>
      <button onClick={reset} className="mt-3 rounded-md bg-red-700 px-3 py-1.5 text-sm text-white">Try again</button>
    </div>
  );
}
