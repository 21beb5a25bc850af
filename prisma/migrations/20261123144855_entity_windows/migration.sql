-- AlterTable
ALTER TABLE "EntityClassification" ALTER COLUMN "metrics" SET DATA TYPE JSON;

-- AlterTable
ALTER TABLE "Proposal" ALTER COLUMN "inputs" SET DATA TYPE JSON;

-- CreateTable
CREATE TABLE "EntityWindow" (
    "entityId" TEXT NOT NULL,
    "layerId" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "bands" TEXT NOT NULL,
    "anyDelivery" BOOLEAN NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EntityWindow_pkey" PRIMARY KEY ("entityId")
);

-- CreateIndex
CREATE INDEX "EntityWindow_layerId_idx" ON "EntityWindow"("layerId");

-- CreateIndex
CREATE INDEX "DailyMetric_layerId_syncedAt_idx" ON "DailyMetric"("layerId", "syncedAt");

-- AddForeignKey
ALTER TABLE "EntityWindow" ADD CONSTRAINT "EntityWindow_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "AdEntity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
