// Starts the in-process scheduler when no Inngest is configured (the embedded demo). With Inngest keys set,
// Inngest calls /api/inngest on the same schedule table instead.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.LAYERS_SCHEDULER === "off") return;
  const { inngestConfigured, startInProcessScheduler } = await import("@/lib/schedules/runner");
  if (inngestConfigured()) return;
  const { getDb } = await import("@/lib/db/client");
  await import("@/lib/schedules/register");
  const handle = startInProcessScheduler(getDb());
  console.log(`[scheduler] in-process: ${handle.crons.length} schedules (${handle.crons.map((c) => `${c.id} ${c.cron}`).join(", ")})`);
}
