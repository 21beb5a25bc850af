// A content-refresh cycle against PostgreSQL and an in-memory platform: what is disabled and what is launched.
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { buildWorld } from "@/lib/testing/world";
import { runLayerCycle } from "./optimize-layer";

const db = createDb(process.env.DATABASE_URL!, 4);
afterAll(() => db.$disconnect());
const now = new Date("2026-11-20T12:00:00Z");

async function creative(orgId: string, projectId: string, title: string, pool: "generated" | "ugc" | "manual", score: number | null, extra: { override?: "include" | "exclude"; approval?: "approved" | "pending"; safetyFailed?: boolean } = {}) {
  const c = await db.adsContent.create({ data: { orgId, pool, title, mediaUrl: "/demo/creative-1.svg", organicScore: score, approval: extra.approval ?? "approved", safetyFailed: extra.safetyFailed ?? false } });
  await db.projectAdsContent.create({ data: { projectId, contentId: c.id, override: extra.override ?? null } });
  return c.id;
}

describe("content refresh", () => {
  it("disables the underperformer (≥ $5 spent) and launches the best eligible creatives per pool into the freed slots", async () => {
    const w = await buildWorld(db, {
      now,
      ads: [
        { key: "burner", ageDays: 20, daily: { spendMinor: 900, impressions: 2_000, clicks: 30, installs: 0 } },
        { key: "cheap-young", ageDays: 2, daily: { spendMinor: 100, impressions: 200, clicks: 2, installs: 0 } },
        { key: "good", ageDays: 20, daily: { spendMinor: 1_000, impressions: 3_000, clicks: 90, installs: 3 } },
      ],
    });
    const ids = {
      g1: await creative(w.org.id, w.project.id, "G1", "generated", 8.1),
      g2: await creative(w.org.id, w.project.id, "G2", "generated", 6.5),
      g3: await creative(w.org.id, w.project.id, "G3", "generated", 4.0),
      g4: await creative(w.org.id, w.project.id, "G4", "generated", 3.99),
      excluded: await creative(w.org.id, w.project.id, "U-excluded", "ugc", 9.5, { override: "exclude" }),
      included: await creative(w.org.id, w.project.id, "U-included", "ugc", 2.0, { override: "include" }),
      pending: await creative(w.org.id, w.project.id, "M-pending", "manual", 7.0, { approval: "pending" }),
      unsafe: await creative(w.org.id, w.project.id, "M-unsafe", "manual", 9.9, { override: "include", safetyFailed: true }),
      manual: await creative(w.org.id, w.project.id, "M1", "manual", 5.0),
    };
    const outcome = await runLayerCycle(db, { layerId: w.layer.id, mode: "refresh", trigger: "schedule", now, clients: w.resolver });
    expect(outcome.status).toBe("completed");
    const run = await db.workflowRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run.kind).toBe("content_refresh");

    const paused = w.client.callsTo("pause").map((c) => c.args[0] as string);
    expect(paused).toHaveLength(1);
    expect(paused[0]).toContain("a-burner");
    const young = await db.proposal.findFirst({ where: { runId: run.id, entityId: w.ads["cheap-young"] } });
    expect(young?.status ?? "none").not.toBe("approved");

    const launched = w.client.callsTo("createAd").map((c) => (c.args[0] as { creativeRef: string }).creativeRef);
    // Top 3 generated (4.0 exactly is eligible, 3.99 is not), the included UGC, the approved manual — best first.
    expect(new Set(launched)).toEqual(new Set([ids.g1, ids.g2, ids.g3, ids.included, ids.manual]));
    for (const never of [ids.g4, ids.excluded, ids.pending, ids.unsafe]) expect(launched).not.toContain(never);
    expect(await db.actionExecution.count({ where: { layerId: w.layer.id, action: "launch", status: "succeeded" } })).toBe(5);

    // A retry of the same run launches nothing twice, and the next tick sees the launched ads: no new launches.
    await runLayerCycle(db, { layerId: w.layer.id, mode: "refresh", trigger: "schedule", now, clients: w.resolver, runId: run.id });
    expect(w.client.callsTo("createAd")).toHaveLength(5);
    await runLayerCycle(db, { layerId: w.layer.id, mode: "refresh", trigger: "schedule", now: new Date(now.getTime() + 15 * 60_000), clients: w.resolver });
    expect(w.client.callsTo("createAd")).toHaveLength(5);
    expect(await db.adEntity.count({ where: { layerId: w.layer.id, level: "ad", contentId: { not: null } } })).toBe(5);
  });
});
