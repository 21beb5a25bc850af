import { serve } from "inngest/next";
import { NextResponse } from "next/server";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import "@/lib/schedules/register";
import { inngestConfigured } from "@/lib/schedules/runner";

const handlers = serve({ client: inngest, functions });

// Without Inngest keys the schedules run in-process (instrumentation.ts); answer clearly instead of Inngest's 500.
const notConfigured = () =>
  NextResponse.json({ error: { code: "UNAVAILABLE", message: "Inngest is not configured (set INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY); schedules run in-process." } }, { status: 503 });

type Handler = (request: Request, context: unknown) => Promise<Response>;
const guard = (handler: unknown): Handler => (request, context) => (inngestConfigured() ? (handler as Handler)(request, context) : Promise.resolve(notConfigured()));

export const GET = guard(handlers.GET);
export const POST = guard(handlers.POST);
export const PUT = guard(handlers.PUT);
