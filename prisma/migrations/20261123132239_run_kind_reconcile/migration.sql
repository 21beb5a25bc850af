-- AlterEnum
ALTER TYPE "RunKind" ADD VALUE 'reconcile';
