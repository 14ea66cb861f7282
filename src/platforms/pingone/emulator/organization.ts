// A PingOne organization: its environments, their promotions, the worker application's
// tokens, one clock and one set of faults.
import { isRequestFault, RequestFaults } from "../../../core/emulator/faults.js";
import { Timeline } from "../../../core/emulator/timeline.js";
import type { StepFaultState } from "./execution.js";
import type { PingOneFault } from "./faults.js";
import type { PromotionHost } from "./host.js";
import { PromotionStore } from "./promotion-store.js";
import { cloneResources, type Environment } from "./resources.js";
import { seedRunning } from "./run.js";
import type { PingOneScenario, PingOneTimings } from "./scenario.js";
import { TokenService } from "./tokens.js";

export class Organization implements PromotionHost {
  readonly timeline: Timeline;
  readonly environments: Environment[];
  readonly promotions = new PromotionStore();
  readonly requestFaults = new RequestFaults();
  readonly planFaults: PingOneFault[] = [];
  readonly stepFaults: StepFaultState[] = [];
  readonly tokens: TokenService;
  readonly timings: PingOneTimings;
  readonly promoteDeletions: boolean;
  /** Set by the server once it listens; every URL in replies starts with it. */
  apiUrl = "";

  constructor(
    scenario: PingOneScenario,
    readonly speed: number,
    now = Date.now(),
  ) {
    this.timeline = new Timeline(speed);
    this.environments = scenario.environments.map((env) => ({
      ...env,
      resources: cloneResources(env.resources),
    }));
    this.timings = { ...scenario.timings };
    this.promoteDeletions = scenario.promoteDeletions;
    this.tokens = new TokenService(
      scenario.workerApp,
      scenario.accessTokens,
      speed,
      (id) => this.environment(id) !== undefined,
    );
    for (const fault of scenario.faults) this.addFault(fault, now);
  }

  environment(id: string): Environment | undefined {
    const wanted = id.toLowerCase();
    return this.environments.find((env) => env.id === wanted);
  }

  /** Runs every timed transition due by `now`, so replies show the present. */
  advance(now = Date.now()): void {
    this.timeline.advance(now);
  }

  addFault(fault: PingOneFault, now = Date.now()): void {
    this.advance(now);
    if (isRequestFault(fault)) this.requestFaults.add(fault);
    else if (fault.kind === "validationError") this.planFaults.push(fault);
    else if (fault.kind === "stepError") this.stepFaults.push({ fault, remaining: fault.count });
    else seedRunning(this, fault, now);
  }

  close(): void {
    this.timeline.close();
  }
}
