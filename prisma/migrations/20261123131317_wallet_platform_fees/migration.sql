-- AlterEnum
ALTER TYPE "LedgerAccount" ADD VALUE 'platform_fees';
