import { expect, test, type Locator } from "@playwright/test";
import { acmeProjectId, signInAs } from "./helpers";

const usd = (minor: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(minor / 100);
const minorOf = async (locator: Locator) => Math.round(Number((await locator.innerText()).replace(/[^0-9.-]/g, "")) * 100);
const unreadOf = async (page: import("@playwright/test").Page) => {
  const label = await page.getByRole("button", { name: /^Notifications \(\d+ unread\)$/ }).getAttribute("aria-label");
  return Number(label?.match(/\((\d+) unread\)/)?.[1] ?? "0");
};

// The second journey reads the notification the first one raises.
test.describe.configure({ mode: "serial" });

test("an admin tops up $100 and sees the balance and the ledger change without a reload", async ({ page }) => {
  await signInAs(page, "admin@acme.test");
  await page.goto(`/p/${acmeProjectId()}/wallet`);
  await expect(page.getByRole("heading", { name: "Wallet" })).toBeVisible();
  const balance = page.getByTestId("wallet-balance");
  await expect(balance).toBeVisible();
  const before = await minorOf(balance);

  const form = page.getByRole("form", { name: "Top up" });
  await form.getByRole("button", { name: "$100.00" }).click();
  await expect(form.getByText("Your saved card is charged $105.00")).toBeVisible();
  await form.getByRole("button", { name: "Add funds" }).click();
  await expect(form.getByRole("status")).toContainText(`Added $100.00. New balance ${usd(before + 10_000)}.`);
  await expect(balance).toHaveText(usd(before + 10_000));

  const newest = page.getByTestId("ledger-table").locator("tbody tr").first();
  await expect(newest).toContainText("Manual top-up");
  await expect(newest).toContainText("Adam Admin");
  await expect(newest).toContainText("+$100.00");
  await expect(newest).toContainText(usd(before + 10_000));
});

test("a viewer sees no top-up form and can mark a notification read", async ({ page }) => {
  await signInAs(page, "viewer@acme.test");
  await page.goto(`/p/${acmeProjectId()}/wallet`);
  await expect(page.getByText("Only admins and owners can add funds")).toBeVisible();
  await expect(page.getByRole("form", { name: "Top up" })).toHaveCount(0);

  await expect(page.getByTestId("unread-count")).toBeVisible();
  const unread = await unreadOf(page);
  expect(unread).toBeGreaterThan(0);
  await page.getByRole("button", { name: /^Notifications \(/ }).click();
  const panel = page.getByRole("dialog", { name: "Notifications" });
  const item = panel.locator("li", { hasText: "Wallet topped up: $100.00" }).first();
  await expect(item).toHaveAttribute("data-read", "false");
  await item.getByRole("button", { name: /^Mark ".*" read$/ }).click();
  await expect(item).toHaveAttribute("data-read", "true");
  await expect(page.getByRole("button", { name: `Notifications (${unread - 1} unread)` })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("button", { name: `Notifications (${unread - 1} unread)` })).toBeVisible();
});
