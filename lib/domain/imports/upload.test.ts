/**
 * Reading a stored file: each record with the line it starts on, as a person counts lines in the
 * file (quoted newlines, blank lines, CRLF, a BOM, a line cut for being too long).
 */
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { LineGuard, readRecords, TOO_LONG_MARK } from "./upload";

async function read(text: string, chunk = 7, delimiter: "," | ";" = ",") {
  const bytes = Buffer.from(text, "utf8");
  async function* source() {
    // Small pieces: a record, a newline or a quote split across two chunks must not matter.
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const out: [number, string[]][] = [];
  for await (const r of readRecords(source(), { encoding: "utf-8", delimiter }))
    out.push([r.line, r.cells]);
  return out;
}

describe("readRecords", () => {
  it("numbers records by the line they start on, across quoted newlines and blank lines", async () => {
    const text = 'a,b\n1,"two\nlines"\n\n3,x\n"multi\n\nline",y\n5,z\n';
    expect(await read(text)).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "two\nlines"]],
      [5, ["3", "x"]],
      [6, ["multi\n\nline", "y"]],
      [9, ["5", "z"]],
    ]);
  });

  it("counts CRLF lines once, drops a BOM and reads a last line without its newline", async () => {
    expect(await read('\ufeffa;b\r\n1;"x\r\ny"\r\n\r\n2;z', 3, ";")).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "x\r\ny"]],
      [5, ["2", "z"]],
    ]);
  });

  it("keeps counting after a line cut for being too long", async () => {
    const long = "x".repeat(2 * 1024 * 1024);
    const rows = await read(`a,b\n${long},1\n2,3\n`, 64 * 1024);
    expect(rows.map(([line]) => line)).toEqual([1, 2, 3]);
    expect(rows[1][1][0]).toContain(TOO_LONG_MARK);
    expect(rows[2][1]).toEqual(["2", "3"]);
  });

  it("reads characters split across chunks, in UTF-8 and in Windows-1252", async () => {
    expect(await read("nom,ville\nSociété Générale,Ærøskøbing\n", 3)).toEqual([
      [1, ["nom", "ville"]],
      [2, ["Société Générale", "Ærøskøbing"]],
    ]);
    const bytes = iconv.encode("nom;ville\r\nCrédit Agricole;Besançon\r\n", "win1252");
    const out: string[][] = [];
    for await (const r of readRecords(Readable.from([bytes.subarray(0, 15), bytes.subarray(15)]), {
      encoding: "windows-1252",
      delimiter: ";",
    }))
      out.push(r.cells);
    expect(out).toEqual([
      ["nom", "ville"],
      ["Crédit Agricole", "Besançon"],
    ]);
  });
});

describe("LineGuard", () => {
  async function guard(pieces: string[], max: number) {
    const parts: Buffer[] = [];
    const stream = Readable.from(pieces.map((p) => Buffer.from(p))).pipe(new LineGuard(max));
    for await (const part of stream) parts.push(part as Buffer);
    return Buffer.concat(parts).toString("utf8");
  }

  it("passes short lines as they are and cuts a long one where it passes the bound", async () => {
    expect(await guard(["ab\ncd", "e\nf\n"], 5)).toBe("ab\ncde\nf\n");
    // The long line's first piece came in an earlier chunk: kept, then the mark.
    expect(await guard(["ok\nabc", "defghij", "klm\nok2\n"], 5)).toBe(
      `ok\nabc${TOO_LONG_MARK}\nok2\n`,
    );
    expect(await guard(["ok\n0123456789\nok2\n0123456789"], 5)).toBe(
      `ok\n${TOO_LONG_MARK}\nok2\n${TOO_LONG_MARK}`,
    );
  });
});
