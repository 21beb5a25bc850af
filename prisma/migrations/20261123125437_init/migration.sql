-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('owner', 'admin', 'marketer', 'viewer');

-- CreateEnum
CREATE TYPE "LayerPlatform" AS ENUM ('meta', 'tiktok', 'apple_search_ads', 'social');

-- CreateEnum
CREATE TYPE "LayerStatus" AS ENUM ('active', 'paused');

-- CreateEnum
CREATE TYPE "LayerMode" AS ENUM ('autopilot', 'approve_first');

-- CreateEnum
CREATE TYPE "EntityLevel" AS ENUM ('campaign', 'adset', 'ad', 'keyword');

-- CreateEnum
CREATE TYPE "EntityStatus" AS ENUM ('active', 'paused', 'deleted');

-- CreateEnum
CREATE TYPE "CreativePool" AS ENUM ('generated', 'ugc', 'manual');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('pending', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "ContentOverride" AS ENUM ('include', 'exclude');

-- CreateEnum
CREATE TYPE "RunKind" AS ENUM ('ad-optimize', 'watchdog', 'content-refresh', 'metrics-sync', 'rescore-creatives', 'wallet-top-up');

-- CreateEnum
CREATE TYPE "RunTrigger" AS ENUM ('schedule', 'manual', 'event');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('running', 'completed', 'failed', 'skipped', 'refused');

-- CreateEnum
CREATE TYPE "Classification" AS ENUM ('TOO_YOUNG', 'LEARNING_PHASE', 'TOP_PERFORMER', 'HEALTHY', 'UNDERPERFORMING', 'FATIGUED', 'CRITICAL');

-- CreateEnum
CREATE TYPE "ProposalAction" AS ENUM ('hold', 'pause', 'resume', 'budget', 'bid', 'launch');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('none', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "ApprovalState" AS ENUM ('auto', 'pending', 'approved', 'rejected', 'expired');

-- CreateEnum
CREATE TYPE "ExecutionStatus" AS ENUM ('pending', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('open', 'done', 'dismissed');

-- CreateEnum
CREATE TYPE "LedgerAccount" AS ENUM ('wallet', 'cash', 'ad_spend', 'refunds', 'adjustments');

-- CreateEnum
CREATE TYPE "TopUpStatus" AS ENUM ('pending', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "Org" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "emergencyStopAt" TIMESTAMP(3),
    "emergencyStopBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Org_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OAuthAccount" (
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OAuthAccount_pkey" PRIMARY KEY ("provider","providerAccountId")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "targetCpaMinor" INTEGER,
    "generatedSlots" INTEGER NOT NULL DEFAULT 3,
    "ugcSlots" INTEGER NOT NULL DEFAULT 3,
    "manualSlots" INTEGER NOT NULL DEFAULT 3,
    "maxCreativesPerAdset" INTEGER NOT NULL DEFAULT 10,
    "organicScoreWeight" DECIMAL(6,3) NOT NULL DEFAULT 1,
    "requiresApproval" BOOLEAN NOT NULL DEFAULT true,
    "alertWebhookUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CredentialSecret" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" TIMESTAMP(3),

    CONSTRAINT "CredentialSecret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Layer" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "platform" "LayerPlatform" NOT NULL,
    "name" TEXT NOT NULL,
    "status" "LayerStatus" NOT NULL DEFAULT 'active',
    "mode" "LayerMode" NOT NULL DEFAULT 'autopilot',
    "adAccountId" TEXT,
    "accountTimezone" TEXT NOT NULL DEFAULT 'UTC',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "credentialsRef" TEXT,
    "pausedAt" TIMESTAMP(3),
    "pausedReason" TEXT,
    "pausedById" TEXT,
    "lastSyncAt" TIMESTAMP(3),
    "lastSyncError" TEXT,
    "scheduleCron" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Layer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdEntity" (
    "id" TEXT NOT NULL,
    "layerId" TEXT NOT NULL,
    "level" "EntityLevel" NOT NULL,
    "platformId" TEXT NOT NULL,
    "parentId" TEXT,
    "name" TEXT NOT NULL,
    "status" "EntityStatus" NOT NULL DEFAULT 'active',
    "learning" BOOLEAN NOT NULL DEFAULT false,
    "dailyBudgetMinor" INTEGER,
    "bidMinor" INTEGER,
    "contentId" TEXT,
    "platformCreatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdEntity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyMetric" (
    "entityId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "layerId" TEXT NOT NULL,
    "spendMinor" INTEGER NOT NULL DEFAULT 0,
    "impressions" INTEGER NOT NULL DEFAULT 0,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "installs" INTEGER NOT NULL DEFAULT 0,
    "conversions" INTEGER NOT NULL DEFAULT 0,
    "revenueMinor" INTEGER NOT NULL DEFAULT 0,
    "frequency" DECIMAL(8,3),
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DailyMetric_pkey" PRIMARY KEY ("entityId","date")
);

-- CreateTable
CREATE TABLE "AdsContent" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "pool" "CreativePool" NOT NULL,
    "title" TEXT NOT NULL,
    "mediaUrl" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL DEFAULT 'video',
    "caption" TEXT,
    "hook" TEXT,
    "creatorHandle" TEXT,
    "organicScore" DECIMAL(4,2),
    "scoringVersion" INTEGER,
    "scoredAt" TIMESTAMP(3),
    "safetyFailed" BOOLEAN NOT NULL DEFAULT false,
    "approval" "ApprovalStatus" NOT NULL DEFAULT 'pending',
    "archivedAt" TIMESTAMP(3),
    "postedAt" TIMESTAMP(3),
    "views" INTEGER NOT NULL DEFAULT 0,
    "likes" INTEGER NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "shares" INTEGER NOT NULL DEFAULT 0,
    "saves" INTEGER NOT NULL DEFAULT 0,
    "completionRate" DECIMAL(5,4),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdsContent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectAdsContent" (
    "projectId" TEXT NOT NULL,
    "contentId" TEXT NOT NULL,
    "override" "ContentOverride",
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectAdsContent_pkey" PRIMARY KEY ("projectId","contentId")
);

-- CreateTable
CREATE TABLE "ScoreHistory" (
    "id" TEXT NOT NULL,
    "contentId" TEXT NOT NULL,
    "score" DECIMAL(4,2),
    "version" INTEGER NOT NULL,
    "scoredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoreHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowRun" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "layerId" TEXT,
    "kind" "RunKind" NOT NULL,
    "trigger" "RunTrigger" NOT NULL,
    "status" "RunStatus" NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "counts" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "skipReason" TEXT,
    "scoringVersion" TEXT,

    CONSTRAINT "WorkflowRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobLock" (
    "key" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "lockedUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobLock_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "EntityClassification" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "classification" "Classification" NOT NULL,
    "score" DECIMAL(5,2),
    "scoringVersion" TEXT NOT NULL,
    "reasons" TEXT[],
    "metrics" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EntityClassification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" "ProposalAction" NOT NULL,
    "fromValue" INTEGER,
    "toValue" INTEGER,
    "status" "ProposalStatus" NOT NULL,
    "reasons" TEXT[],
    "sentence" TEXT NOT NULL,
    "confidence" DECIMAL(4,3),
    "inputs" JSONB NOT NULL DEFAULT '{}',
    "guardrailsPassed" TEXT[],
    "replacementContentId" TEXT,
    "approvalState" "ApprovalState" NOT NULL DEFAULT 'auto',
    "expiresAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionComment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionExecution" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "proposalId" TEXT,
    "layerId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" "ProposalAction" NOT NULL,
    "value" INTEGER,
    "status" "ExecutionStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ActionExecution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationRead" (
    "notificationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationRead_pkey" PRIMARY KEY ("notificationId","userId")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "status" "TaskStatus" NOT NULL DEFAULT 'open',
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Wallet" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "autoTopUpEnabled" BOOLEAN NOT NULL DEFAULT false,
    "thresholdMinor" INTEGER,
    "topUpAmountMinor" INTEGER,
    "dailyCapMinor" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Wallet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerTransaction" (
    "id" TEXT NOT NULL,
    "walletId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerPosting" (
    "id" TEXT NOT NULL,
    "transactionId" TEXT NOT NULL,
    "account" "LedgerAccount" NOT NULL,
    "amountMinor" BIGINT NOT NULL,

    CONSTRAINT "LedgerPosting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopUpAttempt" (
    "id" TEXT NOT NULL,
    "walletId" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "status" "TopUpStatus" NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "providerRef" TEXT,
    "error" TEXT,
    "nextRetryAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopUpAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SdkEvent" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appId" TEXT NOT NULL,
    "appUserId" TEXT,
    "installId" TEXT,
    "sessionId" TEXT,
    "environment" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "revenueMinor" INTEGER,
    "currency" TEXT,
    "campaignId" TEXT,
    "adsetId" TEXT,
    "adId" TEXT,
    "adPlatform" TEXT,
    "payload" JSONB NOT NULL,

    CONSTRAINT "SdkEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "projectId" TEXT,
    "actorId" TEXT,
    "actorType" TEXT NOT NULL DEFAULT 'user',
    "action" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SimWorld" (
    "layerId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "simulatedThrough" DATE,

    CONSTRAINT "SimWorld_pkey" PRIMARY KEY ("layerId")
);

-- CreateTable
CREATE TABLE "SimEntity" (
    "entityId" TEXT NOT NULL,
    "quality" DECIMAL(5,4) NOT NULL,
    "burner" BOOLEAN NOT NULL DEFAULT false,
    "audienceSize" INTEGER NOT NULL DEFAULT 1000000,

    CONSTRAINT "SimEntity_pkey" PRIMARY KEY ("entityId")
);

-- CreateTable
CREATE TABLE "SystemState" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SystemState_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Org_slug_key" ON "Org"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "OAuthAccount_userId_idx" ON "OAuthAccount"("userId");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_orgId_userId_key" ON "Membership"("orgId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_orgId_slug_key" ON "Project"("orgId", "slug");

-- CreateIndex
CREATE INDEX "CredentialSecret_orgId_idx" ON "CredentialSecret"("orgId");

-- CreateIndex
CREATE INDEX "Layer_projectId_idx" ON "Layer"("projectId");

-- CreateIndex
CREATE INDEX "AdEntity_layerId_level_status_idx" ON "AdEntity"("layerId", "level", "status");

-- CreateIndex
CREATE INDEX "AdEntity_parentId_idx" ON "AdEntity"("parentId");

-- CreateIndex
CREATE INDEX "AdEntity_contentId_idx" ON "AdEntity"("contentId");

-- CreateIndex
CREATE UNIQUE INDEX "AdEntity_layerId_level_platformId_key" ON "AdEntity"("layerId", "level", "platformId");

-- CreateIndex
CREATE INDEX "DailyMetric_layerId_date_idx" ON "DailyMetric"("layerId", "date");

-- CreateIndex
CREATE INDEX "AdsContent_orgId_pool_idx" ON "AdsContent"("orgId", "pool");

-- CreateIndex
CREATE INDEX "ProjectAdsContent_contentId_idx" ON "ProjectAdsContent"("contentId");

-- CreateIndex
CREATE INDEX "ScoreHistory_contentId_scoredAt_idx" ON "ScoreHistory"("contentId", "scoredAt");

-- CreateIndex
CREATE INDEX "WorkflowRun_layerId_startedAt_idx" ON "WorkflowRun"("layerId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "WorkflowRun_projectId_startedAt_idx" ON "WorkflowRun"("projectId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "WorkflowRun_projectId_kind_status_startedAt_idx" ON "WorkflowRun"("projectId", "kind", "status", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "EntityClassification_runId_idx" ON "EntityClassification"("runId");

-- CreateIndex
CREATE INDEX "EntityClassification_entityId_createdAt_idx" ON "EntityClassification"("entityId", "createdAt");

-- CreateIndex
CREATE INDEX "Proposal_runId_idx" ON "Proposal"("runId");

-- CreateIndex
CREATE INDEX "Proposal_entityId_createdAt_idx" ON "Proposal"("entityId", "createdAt");

-- CreateIndex
CREATE INDEX "Proposal_approvalState_expiresAt_idx" ON "Proposal"("approvalState", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ActionExecution_idempotencyKey_key" ON "ActionExecution"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ActionExecution_proposalId_key" ON "ActionExecution"("proposalId");

-- CreateIndex
CREATE INDEX "ActionExecution_entityId_finishedAt_idx" ON "ActionExecution"("entityId", "finishedAt");

-- CreateIndex
CREATE INDEX "ActionExecution_layerId_createdAt_idx" ON "ActionExecution"("layerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_projectId_createdAt_idx" ON "Notification"("projectId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Task_dedupeKey_key" ON "Task"("dedupeKey");

-- CreateIndex
CREATE INDEX "Task_projectId_status_createdAt_idx" ON "Task"("projectId", "status", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Wallet_orgId_key" ON "Wallet"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerTransaction_idempotencyKey_key" ON "LedgerTransaction"("idempotencyKey");

-- CreateIndex
CREATE INDEX "LedgerTransaction_walletId_createdAt_idx" ON "LedgerTransaction"("walletId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerPosting_transactionId_idx" ON "LedgerPosting"("transactionId");

-- CreateIndex
CREATE INDEX "TopUpAttempt_walletId_createdAt_idx" ON "TopUpAttempt"("walletId", "createdAt");

-- CreateIndex
CREATE INDEX "SdkEvent_projectId_occurredAt_idx" ON "SdkEvent"("projectId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "SdkEvent_projectId_name_occurredAt_idx" ON "SdkEvent"("projectId", "name", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "SdkEvent_projectId_eventId_key" ON "SdkEvent"("projectId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyId_key" ON "ApiKey"("keyId");

-- CreateIndex
CREATE INDEX "ApiKey_projectId_idx" ON "ApiKey"("projectId");

-- CreateIndex
CREATE INDEX "AuditLog_orgId_createdAt_idx" ON "AuditLog"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_resourceType_resourceId_idx" ON "AuditLog"("resourceType", "resourceId");

-- AddForeignKey
ALTER TABLE "OAuthAccount" ADD CONSTRAINT "OAuthAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CredentialSecret" ADD CONSTRAINT "CredentialSecret_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Layer" ADD CONSTRAINT "Layer_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdEntity" ADD CONSTRAINT "AdEntity_layerId_fkey" FOREIGN KEY ("layerId") REFERENCES "Layer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdEntity" ADD CONSTRAINT "AdEntity_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "AdEntity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdEntity" ADD CONSTRAINT "AdEntity_contentId_fkey" FOREIGN KEY ("contentId") REFERENCES "AdsContent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyMetric" ADD CONSTRAINT "DailyMetric_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "AdEntity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdsContent" ADD CONSTRAINT "AdsContent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectAdsContent" ADD CONSTRAINT "ProjectAdsContent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectAdsContent" ADD CONSTRAINT "ProjectAdsContent_contentId_fkey" FOREIGN KEY ("contentId") REFERENCES "AdsContent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreHistory" ADD CONSTRAINT "ScoreHistory_contentId_fkey" FOREIGN KEY ("contentId") REFERENCES "AdsContent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowRun" ADD CONSTRAINT "WorkflowRun_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowRun" ADD CONSTRAINT "WorkflowRun_layerId_fkey" FOREIGN KEY ("layerId") REFERENCES "Layer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntityClassification" ADD CONSTRAINT "EntityClassification_runId_fkey" FOREIGN KEY ("runId") REFERENCES "WorkflowRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_runId_fkey" FOREIGN KEY ("runId") REFERENCES "WorkflowRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionExecution" ADD CONSTRAINT "ActionExecution_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionExecution" ADD CONSTRAINT "ActionExecution_layerId_fkey" FOREIGN KEY ("layerId") REFERENCES "Layer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationRead" ADD CONSTRAINT "NotificationRead_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Wallet" ADD CONSTRAINT "Wallet_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerTransaction" ADD CONSTRAINT "LedgerTransaction_walletId_fkey" FOREIGN KEY ("walletId") REFERENCES "Wallet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerPosting" ADD CONSTRAINT "LedgerPosting_transactionId_fkey" FOREIGN KEY ("transactionId") REFERENCES "LedgerTransaction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopUpAttempt" ADD CONSTRAINT "TopUpAttempt_walletId_fkey" FOREIGN KEY ("walletId") REFERENCES "Wallet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SdkEvent" ADD CONSTRAINT "SdkEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SimWorld" ADD CONSTRAINT "SimWorld_layerId_fkey" FOREIGN KEY ("layerId") REFERENCES "Layer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SimEntity" ADD CONSTRAINT "SimEntity_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "AdEntity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
