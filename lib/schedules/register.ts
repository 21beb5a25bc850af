// Registers the project- and org-scoped jobs with the dispatcher (kept apart to avoid import cycles).
import { projectIdsOfOrg, withRecordedRun } from "@/lib/jobs/recorded";
import { runReconciliation } from "@/lib/jobs/reconcile";
import { deliverNotifications } from "@/lib/jobs/deliver-notifications";
import { rescoreProjectCreatives } from "@/lib/jobs/rescore";
import { runWalletCycle } from "@/lib/jobs/wallet";
import { registerJob } from "./jobs";

registerJob("wallet-top-up", async (db, orgId, c) =>
  withRecordedRun(db, { projectIds: await projectIdsOfOrg(db, orgId), kind: "wallet_top_up", trigger: c.trigger, now: c.now }, () => runWalletCycle(db, orgId, c.now), (r) => ({ ...(r as object) })),
);

registerJob("rescore-creatives", (db, projectId, c) =>
  withRecordedRun(db, { projectIds: [projectId], kind: "rescore_creatives", trigger: c.trigger, now: c.now }, () => rescoreProjectCreatives(db, projectId, c.now), (r) => ({ ...r })),
);

registerJob("reconcile", (db, projectId, c) =>
  withRecordedRun(db, { projectIds: [projectId], kind: "reconcile", trigger: c.trigger, now: c.now }, () => runReconciliation(db, projectId, c.now), (r) => ({ ...(r as object) })),
);

registerJob("deliver-notifications", (_db, _target, c) => deliverNotifications(c.now));
