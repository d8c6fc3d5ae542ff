#!/usr/bin/env node
// Counts copy-paste: runs of N or more identical trimmed lines (blank lines skipped) that occur in more than
// one place under the given directories. Prints each repeated block with its places, then the totals, so a
// refactor that claims to remove repetition can show the figure before and after.
//
// --loose also counts near-copies: string literals and numbers are compared as placeholders, so a setup block
// pasted with another stack name or domain still counts.
//
//   node scripts/repeated-blocks.mjs [--min 6] [--loose] [dir ...]     (default: tests/e2e)
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

const args = process.argv.slice(2);
let min = 6;
let loose = false;
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--min") min = Number(args[++i]);
  else if (args[i] === "--loose") loose = true;
  else dirs.push(args[i]);
}
if (!dirs.length) dirs.push("tests/e2e");

function* sources(p) {
  if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) yield* sources(path.join(p, e));
  else if (/\.(ts|mjs|js)$/.test(p) && !p.endsWith(".d.ts")) yield p;
}

function shape(line) {
  if (!loose) return line;
  return line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "STR").replace(/\b\d[\d_]*\b/g, "N");
}

/** Each file's non-blank trimmed lines, with the line number each came from. */
const files = [...new Set(dirs.flatMap((d) => [...sources(d)]))].map((file) => {
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .map((text, i) => ({ text: shape(text.trim()), no: i + 1 }))
    .filter((l) => l.text);
  return { file, lines };
});

// A window of `min` lines is repeated when its text occurs at two or more places (in one file or across files).
const places = new Map();
for (const f of files)
  for (let i = 0; i + min <= f.lines.length; i++) {
    const key = f.lines
      .slice(i, i + min)
      .map((l) => l.text)
      .join("\n");
    places.set(key, (places.get(key) ?? 0) + 1);
  }

// Adjacent repeated windows in one file merge into one run: one place of one repeated block.
const runs = [];
for (const f of files) {
  let start = -1;
  for (let i = 0; i <= f.lines.length - min + 1; i++) {
    const key =
      i + min <= f.lines.length
        ? f.lines
            .slice(i, i + min)
            .map((l) => l.text)
            .join("\n")
        : undefined;
    const repeated = key !== undefined && places.get(key) > 1;
    if (repeated && start < 0) start = i;
    if (!repeated && start >= 0) {
      const end = i - 1 + min; // exclusive
      runs.push({ file: f.file, from: f.lines[start].no, to: f.lines[end - 1].no, lines: end - start, head: f.lines[start].text });
      start = -1;
    }
  }
}

for (const r of runs) console.log(`${r.file}:${r.from}-${r.to} (${r.lines} lines) ${r.head.slice(0, 70)}`);
const lines = runs.reduce((n, r) => n + r.lines, 0);
const filesWith = new Set(runs.map((r) => r.file)).size;
console.log(
  `\n${runs.length} repeated runs of ${min}+ ${loose ? "near-identical (literals aside)" : "identical"} trimmed lines, ${lines} lines, in ${filesWith} of ${files.length} files (${dirs.join(" ")})`,
);
