import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireEmbeddedLock, EmbeddedDbBusyError } from "./embedded-lock";

const tempDir = () => mkdtempSync(path.join(tmpdir(), "accord-lock-"));

describe("embedded database lock", () => {
  it("refuses a second holder while a live process holds it", () => {
    const dir = tempDir();
    // Pretend the parent process (alive, not us) holds the lock.
    writeFileSync(
      path.join(dir, "pglite.lock"),
      JSON.stringify({ pid: process.ppid, holder: "the Accord web server" }),
    );
    expect(() => acquireEmbeddedLock(dir, "the Accord CLI")).toThrow(EmbeddedDbBusyError);
    expect(() => acquireEmbeddedLock(dir, "the Accord CLI")).toThrow(
      /in use by the Accord web server/,
    );
  });

  it("takes over a lock left by a process that has died", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, [
      "-e",
      "process.stdout.write(String(process.pid))",
    ]).stdout.toString();
    writeFileSync(
      path.join(dir, "pglite.lock"),
      JSON.stringify({ pid: Number(dead), holder: "a crashed server" }),
    );
    const release = acquireEmbeddedLock(dir, "the Accord CLI");
    expect(() => acquireEmbeddedLock(dir, "another")).not.toThrow(); // same pid re-entering is allowed
    release();
  });

  it("is free again once released", () => {
    const dir = tempDir();
    acquireEmbeddedLock(dir, "first")();
    const release = acquireEmbeddedLock(dir, "second");
    release();
  });
});
