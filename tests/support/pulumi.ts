/**
 * Drives the real Pulumi CLI: a local file backend per stack, offline and unattended.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { guardedEnv, REPO_ROOT } from "./packed";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  output: string;
  ms: number;
}

const cliDirs = new Map<string, string>();

/**
 * The directory with pulumi, its Node language host and the dynamic-provider plugin, and the other language hosts
 * asked for (each built on first use; scripts/ensure-pulumi's PULUMI_LANGUAGE_HOSTS).
 */
export function ensurePulumi(languages: readonly ("yaml" | "go")[] = []): string {
  const hosts = [...languages].sort().join(",");
  let dir = cliDirs.get(hosts);
  if (dir === undefined) {
    dir = execFileSync(path.join(REPO_ROOT, "scripts/ensure-pulumi"), {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, PULUMI_LANGUAGE_HOSTS: hosts },
    }).trim();
    cliDirs.set(hosts, dir);
  }
  return dir;
}

export class Stack {
  readonly backend = mkdtempSync(path.join(tmpdir(), "cfr-backend-"));
  /** How long one command may run before it is killed. */
  timeoutMs = 600_000;
  private readonly home = mkdtempSync(path.join(tmpdir(), "cfr-pulumi-home-"));
  /** Environment variables for the CLI and the program it runs (the fixed ones below win). */
  vars: Record<string, string> = {};

  constructor(
    readonly projectDir: string,
    readonly name: string,
  ) {}

  env(): NodeJS.ProcessEnv {
    const env = guardedEnv({
      ...this.vars,
      PATH: `${ensurePulumi()}:${path.dirname(process.execPath)}:${process.env.PATH}`,
      PULUMI_HOME: this.home,
      PULUMI_BACKEND_URL: `file://${this.backend}`,
      PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      NO_COLOR: "1",
    });
    for (const k of Object.keys(env)) if (k.startsWith("CLOUDFLARE_")) delete env[k];
    return env;
  }

  run(...args: string[]): Promise<RunResult> {
    const started = Date.now();
    return new Promise((resolve) => {
      execFile(
        "pulumi",
        [...args, "--non-interactive", "--stack", this.name],
        { cwd: this.projectDir, env: this.env(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: this.timeoutMs },
        (err, stdout, stderr) => {
          const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
          resolve({ code, stdout, stderr, output: stdout + stderr, ms: Date.now() - started });
        },
      );
    });
  }

  /** Like run, but throws with the CLI's output when the command fails. */
  async ok(...args: string[]): Promise<RunResult> {
    const r = await this.run(...args);
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}:\n${r.output}`);
    return r;
  }

  async init(config: Record<string, string>, secrets: Record<string, string> = {}): Promise<void> {
    await this.ok("stack", "init");
    for (const [k, v] of Object.entries(config)) await this.ok("config", "set", k, v);
    for (const [k, v] of Object.entries(secrets)) await this.ok("config", "set", "--secret", k, v);
  }

  /** The raw checkpoint file the backend wrote. */
  stateFile(): string {
    const project = readFileSync(path.join(this.projectDir, "Pulumi.yaml"), "utf8").match(/^name:\s*(\S+)/m)![1]!;
    return readFileSync(path.join(this.backend, ".pulumi", "stacks", project, `${this.name}.json`), "utf8");
  }
}
