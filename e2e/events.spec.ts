import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { acmeProjectId, signInAs } from "./helpers";

const eventBody = (appUserId: string) => ({
  event: "purchase_success", event_id: randomUUID(), timestamp: new Date().toISOString(), app_id: "com.acmegames.puzzlequest",
  environment: "production", platform: "android", app_user_id: appUserId, utm_source: "tiktok",
  properties: { revenue: "4.99", currency: "USD" },
});

test("an admin creates an API key, an event sent with it appears live in the feed, and a revoked key is refused", async ({ page }) => {
  const projectId = acmeProjectId();
  await signInAs(page, "admin@acme.test");
  await page.goto(`/p/${projectId}/settings`);
  await page.getByRole("link", { name: "API keys →" }).click();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();

  const name = `e2e key ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveValue(/^lp_live_[0-9a-f]{16}_[0-9A-Za-z]{43}$/);
  const key = await shown.inputValue();
  const row = page.getByTestId("api-keys-table").getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(key.split("_").slice(0, 3).join("_"));
  await expect(row).not.toContainText(key);

  // Open the feed first: the event must arrive through polling, without a reload.
  await page.goto(`/p/${projectId}/events`);
  await expect(page.getByTestId("events-live")).toContainText("Live");
  const appUserId = `e2e_${Date.now()}`;
  const response = await page.request.post("/api/v1/events", { headers: { Authorization: `Bearer ${key}` }, data: eventBody(appUserId) });
  expect(response.status()).toBe(202);
  expect(await response.json()).toMatchObject({ accepted: 1, duplicate: 0, rejected: 0 });
  const table = page.getByTestId("events-table");
  await expect(table).toContainText(appUserId, { timeout: 15_000 });
  await expect(table.getByRole("row", { name: new RegExp(appUserId) })).toContainText("$4.99");

  // Search by app_user_id lands in the URL and narrows the feed.
  await page.getByLabel("Event id or app_user_id").fill(appUserId);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${appUserId}`));
  await expect(table.locator("tbody tr")).toHaveCount(1);

  // Revoke, then the same key is refused.
  await page.goto(`/p/${projectId}/settings/api-keys`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByTestId("api-keys-table").getByRole("row", { name: new RegExp(name) })).toContainText("revoked");
  const refused = await page.request.post("/api/v1/events", { headers: { "X-Api-Key": key }, data: eventBody(`${appUserId}_late`) });
  expect(refused.status()).toBe(401);
});

test("a viewer sees keys but cannot create them; the reconciliation view explains drift", async ({ page }) => {
  const projectId = acmeProjectId();
  await signInAs(page, "viewer@acme.test");
  await page.goto(`/p/${projectId}/settings/api-keys`);
  await expect(page.getByText("creating and revoking them needs admin or above")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);

  await page.getByRole("link", { name: "Reconciliation" }).click();
  await expect(page.getByRole("heading", { name: "Reconciliation" })).toBeVisible();
  await expect(page.getByTestId("reconciliation-meta")).toContainText("Meta reported");
  await expect(page.getByText("Ad account timezone: America/Los_Angeles").first()).toBeVisible();
  await expect(page.getByTestId("drift-causes")).toContainText("Attribution window");
});
