import { expect, test } from "@playwright/test";
import { acmeProjectId, signInAs } from "./helpers";

test("a user of another org gets nothing of Acme: not its pages, not its API", async ({ page }) => {
  await signInAs(page, "owner@globex.test");
  await expect(page.getByRole("heading", { name: "Space Tycoon" })).toBeVisible();
  await expect(page.getByLabel("Project")).not.toContainText("Puzzle Quest");

  for (const path of ["", "/layers", "/creatives", "/runs"]) {
    const response = await page.goto(`/p/${acmeProjectId()}${path}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText("Puzzle Quest")).toHaveCount(0);
  }
  const api = await page.request.get(`/api/projects/${acmeProjectId()}/layers`);
  expect(api.status()).toBe(404);
  expect(JSON.stringify(await api.json())).not.toContain("Meta Ads");
});

test("an Acme member can read the same API", async ({ page }) => {
  await signInAs(page, "viewer@acme.test");
  const api = await page.request.get(`/api/projects/${acmeProjectId()}/layers`);
  expect(api.status()).toBe(200);
  expect(JSON.stringify(await api.json())).toContain("Meta Ads");
});
