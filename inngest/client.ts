import { Inngest } from "inngest";

export const inngest = new Inngest({ id: "layers" });

export const jobEventName = (job: string) => `layers/${job}.requested`;
