export * from "./server";
export * from "./scenarios";
