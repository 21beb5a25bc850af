import { db } from "../client";

export async function listProjectCreatives(projectId: string) {
  const links = await db.projectAdsContent.findMany({
    where: { projectId },
    select: {
      override: true,
      content: {
        select: {
          id: true, title: true, pool: true, mediaUrl: true, mediaType: true, caption: true, organicScore: true, scoringVersion: true,
          safetyFailed: true, approval: true, archivedAt: true, createdAt: true,
          _count: { select: { ads: { where: { status: "active" } } } },
        },
      },
    },
  });
  return links
    .map((link) => ({
      ...link.content,
      organicScore: link.content.organicScore === null ? null : Number(link.content.organicScore),
      override: link.override,
      activeAds: link.content._count.ads,
    }))
    .sort((a, b) => (b.organicScore ?? -1) - (a.organicScore ?? -1) || a.id.localeCompare(b.id));
}

export async function countPendingCreatives(projectId: string): Promise<number> {
  return db.projectAdsContent.count({ where: { projectId, content: { approval: "pending", archivedAt: null } } });
}
