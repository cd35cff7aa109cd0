export async function register() {
  // Only in the Node.js server at run time: not in the edge runtime, not while building.
  if (
    process.env.NEXT_RUNTIME === "nodejs" &&
    process.env.NEXT_PHASE !== "phase-production-build"
  ) {
    const { startServer } = await import("./lib/server/startup");
    await startServer();
  }
}
