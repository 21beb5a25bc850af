export * from "./days";
export * from "./reconcile";
