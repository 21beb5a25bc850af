import { expect, test } from "@playwright/test";
import { acmeProjectId, signIn, signInAs } from "./helpers";

test("a wrong password gets a clear message and no session", async ({ page }) => {
  await signIn(page, "owner@acme.test", "not-the-password");
  await expect(page.getByTestId("signin-error")).toContainText("Wrong email or password");
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("an unknown email and a malformed form are refused", async ({ page }) => {
  await signIn(page, "nobody@acme.test");
  await expect(page.getByTestId("signin-error")).toContainText("Wrong email or password");
  await signIn(page, "not-an-email", "");
  await expect(page.locator("#email-error")).toContainText("valid email");
  await expect(page.locator("#password-error")).toContainText("Enter your password");
});

test("the owner signs in, sees the seeded project and its layers, then signs out", async ({ page }) => {
  await signInAs(page, "owner@acme.test");
  await expect(page).toHaveURL(new RegExp(`/p/${acmeProjectId()}`));
  await expect(page.getByRole("heading", { name: "Puzzle Quest" })).toBeVisible();
  await expect(page.getByTestId("kpi-tiles")).toContainText("CPA (7d)");
  await page.getByRole("link", { name: "Layers" }).click();
  const table = page.getByTestId("layers-table");
  await expect(table).toContainText("Meta Ads");
  await expect(table).toContainText("TikTok Ads");
  await expect(table).toContainText("Apple Search Ads");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto(`/p/${acmeProjectId()}`);
  await expect(page).toHaveURL(/\/signin/);
});
