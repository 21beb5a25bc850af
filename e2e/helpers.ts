import { expect, type Page } from "@playwright/test";

export const PASSWORD = "layers-demo";

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByTestId("current-user")).toContainText(email);
}

export function acmeProjectId(): string {
  const id = process.env.E2E_ACME_PROJECT_ID;
  if (!id) throw new Error("E2E_ACME_PROJECT_ID is not set: run through `npm run test:e2e`.");
  return id;
}
