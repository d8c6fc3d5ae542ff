export * from "./server";
export * from "./scenarios";
export { CATALOGUE, DASHBOARD_ONLY, SANDBOX_EXTENSIONS } from "./catalogue";
export type { ExtensionEntry } from "./catalogue";
