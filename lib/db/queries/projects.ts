import { AppError } from "@/lib/errors/app-error";
import { db } from "../client";

export async function getProjectSettings(projectId: string) {
  const project = await db.project.findUnique({ where: { id: projectId } });
  if (!project) throw new AppError("NOT_FOUND", "Project not found.");
  return { ...project, organicScoreWeight: Number(project.organicScoreWeight) };
}
