import { listLayers } from "@/lib/db/queries/layers";
import { projectRoute } from "@/lib/http/route";

export const GET = projectRoute("read", async (access) => ({ layers: await listLayers(access.projectId) }));
