import { expect, test } from "@playwright/test";
import { acmeProjectId, signInAs } from "./helpers";

test("an admin connects a simulated TikTok sandbox and sees it listed with metrics and healthy", async ({ page }) => {
  await signInAs(page, "admin@acme.test");
  await page.goto(`/p/${acmeProjectId()}/settings`);
  await page.getByRole("link", { name: "Layers →" }).click();
  await expect(page.getByRole("heading", { name: "Layers", exact: true })).toBeVisible();
  const form = page.getByRole("form", { name: "Connect a layer" });

  // Bad credentials are refused field by field before anything is sent to a platform.
  await form.getByLabel("Name", { exact: true }).fill("Meta typo");
  await form.getByLabel("Ad account id", { exact: true }).fill("account-12");
  await form.getByLabel("Access token", { exact: true }).fill("EAAB-whatever");
  await form.getByRole("button", { name: "Connect layer" }).click();
  await expect(form.getByText("The Meta ad account id is numeric")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Check the fields marked below." })).toBeVisible();

  await form.getByLabel("Platform", { exact: true }).selectOption({ label: "TikTok Ads" });
  await form.getByLabel("Name", { exact: true }).fill("TikTok sandbox (e2e)");
  await form.getByRole("radio", { name: "Simulated sandbox" }).check();
  await expect(form.getByLabel("Access token", { exact: true })).toHaveCount(0);
  await form.getByRole("button", { name: "Connect layer" }).click();
  await expect(page.getByRole("status")).toContainText("Connected “TikTok sandbox (e2e)” as a simulated sandbox with 30 days of history.", { timeout: 60_000 });

  const row = page.getByTestId("layer-connection-row").filter({ hasText: "TikTok sandbox (e2e)" });
  await expect(row).toContainText("TikTok Ads");
  await expect(row).toContainText("simulated");
  await expect(row).toContainText(/sandbox-\w{8}/);
  await expect(row.locator("td").nth(7)).toHaveText(/^\$[\d,]*[1-9][\d,]*\.\d\d$/); // spend over the last 30 days

  await row.getByRole("link", { name: "TikTok sandbox (e2e)" }).click();
  await expect(page.getByRole("heading", { name: "TikTok sandbox (e2e)" })).toBeVisible();
  await expect(page.getByTestId("account-health")).toContainText("OK");
});

test("a viewer sees the connected layers but no connect form", async ({ page }) => {
  await signInAs(page, "viewer@acme.test");
  await page.goto(`/p/${acmeProjectId()}/settings/layers`);
  await expect(page.getByTestId("layer-connections-table")).toContainText("Meta Ads — Puzzle Quest");
  await expect(page.getByText("Your role (viewer) can see layer connections; connecting a layer needs admin or above.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Connect a layer" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Connect layer" })).toHaveCount(0);
});
