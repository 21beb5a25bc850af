import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", ".data/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // Pages and components reach the database only through named queries in lib/db.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/db/generated/*", "@prisma/*"], message: "Use a named query from lib/db.", allowTypeImports: true }] }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/db/*", "@/lib/db/**"], message: "Components get data from pages or query hooks, not lib/db.", allowTypeImports: true }] }] },
  },
];
export default config;
