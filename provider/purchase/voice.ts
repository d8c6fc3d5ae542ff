/** Where a resource's progress lines and warnings go, each redacted once before it leaves. */
import { warnEngine } from "../host/engineLog";
import { redact } from "../api/secrets";
import type { ProviderSettings } from "../host/stackConfig";

export interface Voice {
  log(message: string): void;
  /** A warning the engine counts as one; with only a `log` given (tests, scripts), that log has it. */
  warn(message: string): void;
}

export function voiceOf(settings: Pick<ProviderSettings, "log" | "warn">): Voice {
  return {
    log: (message) => (settings.log ?? ((m: string) => console.error(m)))(redact(`cloudflare-registrar: ${message}`)),
    warn: (message) => {
      const text = redact(message);
      if (settings.log && !settings.warn) settings.log(`cloudflare-registrar: warning: ${text}`);
      else (settings.warn ?? warnEngine)(`cloudflare-registrar: ${text}`);
    },
  };
}
