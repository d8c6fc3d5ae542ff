/**
 * What every real-engine suite sets up the same way: the Pulumi CLI, one scratch project with the packed
 * package installed (once per suite: an install takes seconds), and per test a fresh simulator and a fresh
 * stack on its own local backend, configured against that simulator with the API token as a secret.
 * Call `e2eSuite` inside a `describe`: it registers that describe's hooks.
 */
import { scratchProject } from "../support/packed";
import { ensurePulumi, Stack } from "../support/pulumi";
import { ACCOUNT, Harness, startSim, TOKEN } from "../support/sim";
import type { RegistrarSimulator, SimulatorOptions } from "../../simulator/server";

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

export interface SuiteOptions<S extends Stack> {
  /** The program and its Pulumi.yaml, installed once into a scratch project; omit it to name a project per stack. */
  files?: { "index.js": string; "Pulumi.yaml": string };
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
    ensurePulumi(); // builds the CLI on a machine without one; minutes, once
    if (options.files) project = scratchProject({ files: options.files });
  });
  afterEach(async () => {
    const stopping = started;
    started = [];
    await Promise.all(stopping.map((h) => h.stop()));
  });

  return {
    get project() {
      if (!project) throw new Error("this e2e suite has no scratch project: give e2eSuite a program (files)");
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
      const credentials = o.credentials ?? true;
      await s.init(
        { ...(credentials ? { "cloudflare-registrar:accountId": ACCOUNT } : {}), "cloudflare-registrar:baseUrl": h.sim.baseUrl, ...o.config },
        { ...(credentials ? { "cloudflare-registrar:apiToken": o.token ?? TOKEN } : {}), ...o.secrets },
      );
      return s;
    },
  };
}
