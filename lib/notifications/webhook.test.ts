import { describe, expect, it } from "vitest";
import { buildWebhookPayload, isAllowedWebhookUrl } from "./webhook";

describe("alert webhook", () => {
  it("builds a Slack-compatible message with a link into the app", () => {
    const payload = buildWebhookPayload({ title: "3 paused", body: "Open the run to read each reason.", link: "/p/x/runs/1", projectName: "Puzzle Quest" }, "https://layers.example.com");
    expect(payload.text).toBe("*Puzzle Quest: 3 paused*\nOpen the run to read each reason.\n<https://layers.example.com/p/x/runs/1|Open in Layers>");
    expect(buildWebhookPayload({ title: "t", body: "b", link: "/p", projectName: "P" }, null).text).toBe("*P: t*\nb");
  });
  it("accepts https (and http on localhost) only", () => {
    expect(isAllowedWebhookUrl("https://hooks.slack.com/services/T/B/X")).toBe(true);
    expect(isAllowedWebhookUrl("http://127.0.0.1:9999/hook")).toBe(true);
    expect(isAllowedWebhookUrl("http://example.com/hook")).toBe(false);
    expect(isAllowedWebhookUrl("not a url")).toBe(false);
  });
});
