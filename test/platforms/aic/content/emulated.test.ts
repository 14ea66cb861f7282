// The content readers against the AIC emulator: OAuth2 clients, social identity providers,
// realm services and SAML entities read from both environments and compared field by field.
import { describe, expect, it } from "vitest";
import { StaticTokenSource } from "../../../../src/core/auth/static-token.js";
import { MemoryLogger } from "../../../../src/core/util/log.js";
import { AicClient } from "../../../../src/platforms/aic/client.js";
import { AicContentClient } from "../../../../src/platforms/aic/content/client.js";
import {
  readContentDiffs,
  withContentDiffs,
} from "../../../../src/platforms/aic/content/collect.js";
import type { RunningAicEmulator } from "../../../../src/platforms/aic/emulator/index.js";
import { normalizeReport } from "../../../../src/platforms/aic/report.js";
import { startWith } from "../emulator/helpers.js";

const TAIL = "ou=default,ou=OrganizationConfig,ou=1.0";
const REALM = "ou=services,o=alpha,ou=services,ou=am-config";
const ENTITY = "https://sp.example.com/saml, v2";

function side(secret: string, redirect: string, signing: string, lifetime: number) {
  return `
    config:
      AMConfig:
        OAuth2 Clients:
          - name: portal
            realm: /alpha
            uid: ou=portal,${TAIL},ou=AgentService,${REALM}
            content: { coreOAuth2ClientConfig: { userpassword: ${secret}, redirectionUris: [${redirect}] } }
        SAML Entities:
          - name: "${ENTITY}"
            realm: /alpha
            uid: "ou=${ENTITY.replace(",", "\\\\,")},${TAIL},ou=sunFMSAML2MetadataService,${REALM}"
            content: { entityLocation: remote, serviceProvider: { assertionContent: { signingAndEncryption: { requestResponseSigning: { authenticationRequestSigned: ${signing} } } } } }
        OAuth2 Provider:
          - name: OAuth2Provider
            realm: /alpha
            uid: ${TAIL},ou=OAuth2Provider,${REALM}
            content: { coreOAuth2Config: { accessTokenLifetime: ${lifetime} } }`;
}

async function dryRunDiffs(emulator: RunningAicEmulator) {
  const tokens = (token: string | undefined) => new StaticTokenSource(token ?? "", "token");
  const lower = new AicClient({
    baseUrl: emulator.lowerUrl,
    tokens: tokens(emulator.accessTokens.lower[0]),
  });
  const report = normalizeReport(await lower.getProvisionalReport(), "provisional");
  const sides = {
    lower: new AicContentClient({
      baseUrl: emulator.lowerUrl,
      tokens: tokens(emulator.accessTokens.lower[0]),
    }),
    upper: new AicContentClient({
      baseUrl: emulator.upperUrl,
      tokens: tokens(emulator.accessTokens.upper[0]),
    }),
  };
  const diffs = await readContentDiffs(report, sides, { mode: "auto", logger: new MemoryLogger() });
  return withContentDiffs(report, diffs);
}

describe("AM JSON entries through the emulator", () => {
  it("compares OAuth2 clients (never their secret), SAML entities and realm services", async () => {
    const emulator = await startWith(`
environments:
  lower:${side("lower-secret", "https://b", "true", 600)}
  upper:${side("upper-secret", "https://a", "false", 3600)}
`);
    const report = await dryRunDiffs(emulator);
    const fields = (configItem: string) =>
      report.areas.flatMap((a) => a.items).find((i) => i.configItem === configItem)?.modified[0]
        ?.fields;
    expect(fields("OAuth2 Clients")).toEqual([
      {
        path: "coreOAuth2ClientConfig.redirectionUris",
        before: '["https://a"]',
        after: '["https://b"]',
      },
    ]);
    expect(fields("SAML Entities")).toEqual([
      {
        path: "serviceProvider.assertionContent.signingAndEncryption.requestResponseSigning.authenticationRequestSigned",
        before: "false",
        after: "true",
      },
    ]);
    expect(fields("OAuth2 Provider")).toEqual([
      { path: "coreOAuth2Config.accessTokenLifetime", before: "3600", after: "600" },
    ]);
    expect(JSON.stringify(report)).not.toContain("-secret");
  });
});
