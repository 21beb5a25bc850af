import { getRunStatus } from "@/lib/db/queries/run-detail";
import { AppError } from "@/lib/errors/app-error";
import { projectRoute } from "@/lib/http/route";

export const GET = projectRoute<{ projectId: string; runId: string }>("read", async (access, _request, params) => {
  const run = await getRunStatus(access.projectId, params.runId);
  // Run-now records the run before answering; a run id that is not (yet) there is pending, not an error.
  if (!run) throw new AppError("NOT_FOUND", "Run not found.");
  return { run };
});
