// Test-only: checks every Mermaid block with the real Mermaid parser.
//
// Usage: node check.mjs PATH...   (each PATH a .md or .mmd file, or a folder searched for them)
// Prints one line per failing block, then `N passed, M failed`; exits 1 when any block fails.

import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const name of ["Element", "HTMLElement", "SVGElement", "Node", "DOMParser"]) {
  if (!(name in globalThis)) globalThis[name] = dom.window[name];
}

const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

function files(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .sort()
      .flatMap((name) => files(join(path, name)));
  }
  return /\.(md|mmd)$/.test(path) ? [path] : [];
}

function blocks(path) {
  const text = readFileSync(path, "utf8");
  if (path.endsWith(".mmd")) return [{ line: 1, text }];
  const found = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== "```mermaid") continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== "```") end++;
    found.push({ line: start, text: lines.slice(start, end).join("\n") });
    i = end;
  }
  return found;
}

let passed = 0;
let failed = 0;
for (const root of process.argv.slice(2)) {
  for (const path of files(root)) {
    for (const block of blocks(path)) {
      try {
        await mermaid.parse(block.text);
        passed++;
      } catch (error) {
        failed++;
        const message = String(error?.message ?? error).split("\n").slice(0, 4).join(" / ");
        console.log(`${path}:${block.line}: ${message}`);
      }
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
