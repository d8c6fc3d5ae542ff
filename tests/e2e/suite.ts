/**
 * What every real-engine suite sets up the same way: the Pulumi CLI (and any other language host the suite's
 * programs need, and the provider plugin if they use it), one scratch project (the packed package installed
 * once per suite: an install takes seconds, or a project the suite makes itself), and per test a fresh
 * simulator and a fresh stack on its own local backend and its own empty PULUMI_HOME, configured against
 * that simulator with the API token as a secret.
 * Call `e2eSuite` inside a `describe`: it registers that describe's hooks.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { scratchProject } from "../support/packed";
import { ensurePulumi, Stack } from "../support/pulumi";
import { ACCOUNT, Harness, startSim, TOKEN } from "../support/sim";
import type { RegistrarSimulator, SimulatorOptions } from "../../simulator/server";
import { PLUGIN_BIN_DIR } from "./pluginYaml";

/** A stack for commands that say --yes themselves: `refresh --preview-only` refuses PULUMI_SKIP_CONFIRMATIONS (it implies --yes). */
export class ConfirmingStack extends Stack {
  /** Variables set after the fixed ones, so even CLOUDFLARE_* ones reach the program and the provider. */
  extraEnv: Record<string, string> = {};
  override env(): NodeJS.ProcessEnv {
    const env = { ...super.env(), ...this.extraEnv };
    delete env.PULUMI_SKIP_CONFIRMATIONS;
    return env;
  }
}

/** The Diagnostics section the CLI prints after a run: where each resource's row messages are listed. */
export const diagnostics = (output: string): string => output.slice(output.indexOf("\nDiagnostics:\n"));

/** A pulumi command that names no stack (`plugin install`, `plugin ls`), in the stack's environment and so its PULUMI_HOME. */
export function pulumiCli(s: Stack, ...args: string[]): string {
  return execFileSync("pulumi", [...args, "--non-interactive"], { env: s.env(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export interface SuiteOptions<S extends Stack> {
  /** The program and its Pulumi.yaml, installed once into a scratch project; omit it to name a project per stack. */
  files?: { "index.js": string; "Pulumi.yaml": string };
  /** Makes the suite's project once, after the checks below (instead of `files`: a Go module, a YAML project). */
  project?: () => string;
  /** Language hosts besides Node's that the programs run on; each must be beside the CLI (scripts/ensure-pulumi builds them). */
  languages?: ("go" | "yaml")[];
  /** The programs use the provider plugin (PLUGIN_BIN_DIR): it must be built before any stack runs. */
  plugin?: boolean;
  /** Stack names are this prefix and a number, unless a stack is given its own name. */
  prefix: string;
  /** The Stack class to make: ConfirmingStack for suites that run `refresh --preview-only`. */
  stackClass?: new (projectDir: string, name: string) => S;
}

export interface StackOptions {
  /** Stack config besides the provider's account id and endpoint (e.g. `e2e:domainName`). */
  config?: Record<string, string>;
  /** Secret stack config besides the API token (e.g. `e2e:authCode`). */
  secrets?: Record<string, string>;
  /** The simulator this stack's test runs against. */
  sim?: SimulatorOptions;
  /** The API token the stack holds; default the simulator's. */
  token?: string;
  /** false: no account id and no token, only the endpoint (an unpriced preview). */
  credentials?: boolean;
  name?: string;
  /** A project of the test's own (default the suite's scratch project). */
  projectDir?: string;
  /** Environment variables for the CLI and the program (Stack.vars). */
  vars?: Record<string, string>;
}

export interface E2eSuite<S extends Stack> {
  /** The suite's scratch project. */
  readonly project: string;
  /** The simulator of the test's latest stack. */
  readonly h: Harness;
  readonly sim: RegistrarSimulator;
  /** A fresh simulator, and a fresh stack against it, initialised with its config. */
  stack(options?: StackOptions): Promise<S>;
}

export function e2eSuite<S extends Stack = Stack>(options: SuiteOptions<S>): E2eSuite<S> {
  const make = options.stackClass ?? (Stack as unknown as new (projectDir: string, name: string) => S);
  let project: string | undefined;
  let current: Harness | undefined;
  let started: Harness[] = [];
  let stackNo = 0;

  before(function () {
    const cli = ensurePulumi(options.languages); // builds the CLI and these hosts on a machine without them; minutes, once
    for (const language of options.languages ?? []) {
      if (!existsSync(path.join(cli, `pulumi-language-${language}`))) {
        throw new Error(`pulumi-language-${language} is not in ${cli}: these programs need it beside the CLI (run scripts/ensure-pulumi).`);
      }
    }
    if (options.plugin && !existsSync(path.join(PLUGIN_BIN_DIR, "pulumi-resource-cloudflare-registrar"))) {
      throw new Error(`no plugin at ${PLUGIN_BIN_DIR}/pulumi-resource-cloudflare-registrar: run npm run build, or set CFR_PLUGIN_DIR.`);
    }
    if (options.files) project = scratchProject({ files: options.files });
    else if (options.project) project = options.project();
  });
  afterEach(async () => {
    const stopping = started;
    started = [];
    await Promise.all(stopping.map((h) => h.stop()));
  });

  return {
    get project() {
      if (!project) throw new Error("this e2e suite has no scratch project: give e2eSuite a program (files or project)");
      return project;
    },
    get h() {
      if (!current) throw new Error("no simulator yet: make a stack first");
      return current;
    },
    get sim() {
      return this.h.sim;
    },
    async stack(o: StackOptions = {}): Promise<S> {
      const h = await startSim(o.sim);
      // A test may stop its simulator itself before making the next stack; afterEach stops the rest once.
      const stop = h.stop.bind(h);
      let stopped: Promise<void> | undefined;
      h.stop = () => (stopped ??= stop());
      started.push(h);
      current = h;
      const s = new make(o.projectDir ?? this.project, o.name ?? `${options.prefix}${++stackNo}`);
      if (o.vars) s.vars = { ...s.vars, ...o.vars };
      const credentials = o.credentials ?? true;
      await s.init(
        { ...(credentials ? { "cloudflare-registrar:accountId": ACCOUNT } : {}), "cloudflare-registrar:baseUrl": h.sim.baseUrl, ...o.config },
        { ...(credentials ? { "cloudflare-registrar:apiToken": o.token ?? TOKEN } : {}), ...o.secrets },
      );
      return s;
    },
  };
}
