import { expect, test, type Page } from "@playwright/test";
import { acmeProjectId, signInAs } from "./helpers";

const library = (query = "") => `/p/${acmeProjectId()}/creatives${query}`;
const item = (page: Page, title: string) => page.locator(`[data-testid="creative-item"][data-title="${title}"]`);

test("a marketer approves a pending creative and sets an override; both survive a reload", async ({ page }) => {
  await signInAs(page, "marketer@acme.test");
  await page.goto(library("?status=pending&view=table"));
  await expect(page.getByRole("heading", { name: "Creative library" })).toBeVisible();
  const first = page.getByTestId("creative-item").first();
  const title = await first.getAttribute("data-title");
  if (!title) throw new Error("the demo has no pending creative");
  await expect(first.getByText("The creative is waiting for approval.")).toBeVisible();

  await first.getByRole("button", { name: "Approve", exact: true }).click();
  // The pending view refreshes in place: the approved creative leaves it.
  await expect(item(page, title)).toHaveCount(0);

  await page.goto(library(`?view=table&q=${encodeURIComponent(title)}`));
  const row = item(page, title);
  await expect(row.getByText("approved", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: /Override: Auto/ }).click();
  await row.getByRole("menuitem", { name: "Exclude" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Ads already running it keep running");
  await dialog.getByRole("button", { name: "Confirm Exclude" }).click();
  await expect(row.getByText("override: exclude", { exact: true })).toBeVisible();
  await expect(row.getByText("It is set to override = 'exclude' in this project.")).toBeVisible();

  await page.reload();
  const reloaded = item(page, title);
  await expect(reloaded.getByText("approved", { exact: true })).toBeVisible();
  await expect(reloaded.getByText("override: exclude", { exact: true })).toBeVisible();
});

test("a viewer reads the library but every change is disabled, with the reason", async ({ page }) => {
  await signInAs(page, "viewer@acme.test");
  await page.goto(library("?status=pending"));
  await expect(page.getByRole("heading", { name: "Creative library" })).toBeVisible();
  await expect(page.getByTestId("role-notice")).toContainText("Your role (viewer) cannot approve");
  const first = page.getByTestId("creative-item").first();
  await expect(first).toBeVisible();
  const approve = first.getByRole("button", { name: "Approve", exact: true });
  await expect(approve).toBeDisabled();
  await expect(approve).toHaveAttribute("title", "Your role (viewer) cannot do this; it needs marketer or above.");
  await expect(first.getByRole("button", { name: /Override:/ })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Upload creative" })).toBeDisabled();
  await expect(page.getByRole("checkbox", { name: /New uploads need approval/ })).toBeDisabled();
});

test("the scoring changelog lists the versions", async ({ page }) => {
  await signInAs(page, "viewer@acme.test");
  await page.goto(library("/changelog"));
  await expect(page.getByRole("heading", { name: "Organic scoring changelog" })).toBeVisible();
  await expect(page.getByText("v2 · ")).toBeVisible();
  await expect(page.getByTestId("applied-version")).toContainText("current: v2");
});
