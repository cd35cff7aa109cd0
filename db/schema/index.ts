export * from "./enums";
export * from "./users";
export * from "./leads";
export * from "./events";
export * from "./audit";
export * from "./scoring";
export * from "./api-keys";
export * from "./lifecycle";
