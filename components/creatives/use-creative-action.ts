"use client";
import { useServerAction } from "@/components/ui/use-server-action";

export const useCreativeAction = () => useServerAction();
