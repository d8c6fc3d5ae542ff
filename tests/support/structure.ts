/**
 * How long each class and function in the shipped code is, measured on the TypeScript AST: a unit's span
 * runs from its first token (its doc comment is not counted) to its closing brace. Methods, accessors,
 * constructors, function expressions and arrow functions are units of their own, inside their class's
 * span, so a long method is named even when its class is short enough.
 *
 * Run as a script (`npm run structure`) it prints the largest units, for the house issue's before/after.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

/** The folders whose code ships or serves as the contract: the structure rule applies to them. */
export const MEASURED_FOLDERS = ["provider", "simulator", "sdk"] as const;

export interface Unit {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** `Class`, `Class.method`, `function`, `const` name, or `<anonymous>` qualified by its enclosing unit. */
  name: string;
  kind: "class" | "function";
  /** 1-based line of the unit's first token. */
  line: number;
  lines: number;
}

function nameOf(node: ts.Node, sf: ts.SourceFile): string | undefined {
  if ((ts.isClassLike(node) || ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.name) return node.name.text;
  if (ts.isConstructorDeclaration(node)) return "constructor";
  if ((ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) && node.name) return node.name.getText(sf);
  // An anonymous function or class takes the name it is bound to: `const f = () => …`, `{ f: () => … }`, `x.f = …`.
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === node) {
    return parent.name.getText(sf);
  }
  if (parent && ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    return parent.left.getText(sf);
  }
  return undefined;
}

function kindOf(node: ts.Node): Unit["kind"] | undefined {
  if (ts.isClassLike(node)) return "class";
  if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined) return "function";
  return undefined;
}

/** Every class and function with a body in one source text. */
export function measureSource(file: string, text: string): Unit[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const units: Unit[] = [];
  const visit = (node: ts.Node, scope: string | undefined): void => {
    const kind = kindOf(node);
    let inner = scope;
    if (kind) {
      const own = nameOf(node, sf) ?? "<anonymous>";
      const name = scope ? `${scope}.${own}` : own;
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      units.push({ file, name, kind, line: start + 1, lines: end - start + 1 });
      inner = name;
    }
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(sf, undefined);
  return units;
}

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") found.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      found.push(full);
    }
  }
  return found;
}

/** Every unit under the measured folders of the repository at `root`, longest first. */
export function measureTree(root: string, folders: readonly string[] = MEASURED_FOLDERS): Unit[] {
  const units: Unit[] = [];
  for (const folder of folders) {
    const dir = path.join(root, folder);
    if (!fs.existsSync(dir)) continue;
    for (const file of sourceFiles(dir)) {
      units.push(...measureSource(path.relative(root, file).split(path.sep).join("/"), fs.readFileSync(file, "utf8")));
    }
  }
  return units.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
}

export const describeUnit = (u: Unit): string => `${u.file}:${u.line} ${u.kind} ${u.name}: ${u.lines} lines`;

/** The repository root: the first folder with a package.json above this module (dist/ has none). */
export function repositoryRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 10);
  for (const unit of measureTree(repositoryRoot()).slice(0, count)) console.log(describeUnit(unit));
}
