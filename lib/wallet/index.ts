export * from "./ledger";
export * from "./runway";
export * from "./auto-top-up";
