// Where an entry's content lives: AM DNs read by their parts, IDM file patterns, and kinds that
// have no reader named rather than guessed at.
import { describe, expect, it } from "vitest";
import { parseAmDn, realmPath } from "../../../../src/platforms/aic/content/dn.js";
import { locateContent } from "../../../../src/platforms/aic/content/locate.js";

const TAIL = "ou=services,o=alpha,ou=services,ou=am-config";
const item = (configItem: string, extra?: Record<string, unknown>) => ({
  configItem,
  added: [],
  modified: [],
  deleted: [],
  extra,
});

describe("AM config DNs", () => {
  it("reads the entry, the service and the realm whatever the middle parts", () => {
    for (const middle of ["ou=trees,", "ou=treesContainer,", ""]) {
      const dn = parseAmDn(
        `ou=Login,${middle}ou=default,ou=OrganizationConfig,ou=1.0,ou=authenticationTreesService,${TAIL}`,
      );
      expect(dn).toMatchObject({
        entry: "Login",
        service: "authenticationTreesService",
        realm: "alpha",
      });
    }
  });

  it("keeps escaped commas in values, and reads sub-realms from the top down", () => {
    const dn = parseAmDn(
      "ou=Login\\, Legacy,ou=default,ou=OrganizationConfig,ou=1.0,ou=authenticationTreesService,ou=services,o=emea,o=alpha,ou=services,ou=am-config",
    );
    expect(dn).toMatchObject({ entry: "Login, Legacy", realm: "alpha/emea" });
    expect(realmPath("alpha/emea")).toBe("/realms/root/realms/alpha/realms/emea");
    expect(realmPath("")).toBe("/realms/root");
  });

  it("is no AM DN without a service", () => {
    expect(parseAmDn("emailTemplate/welcome")).toBeUndefined();
  });
});

describe("locateContent", () => {
  const am = (service: string, entry: string, middle = "") =>
    locateContent(item("x"), {
      name: entry,
      location: "/alpha",
      uid: `ou=${entry},${middle}ou=default,ou=OrganizationConfig,ou=1.0,ou=${service},${TAIL}`,
    });

  it("journeys, scripts, OAuth2 clients and social identity providers by their service", () => {
    expect(am("authenticationTreesService", "Login", "ou=trees,")).toEqual({
      kind: "journey",
      realm: "alpha",
      id: "Login",
    });
    expect(am("ScriptingService", "abc", "ou=scriptConfigurations,")).toEqual({
      kind: "script",
      realm: "alpha",
      id: "abc",
    });
    // An agent's DN does not say its type (OAuth2 client, web agent, …): it is asked for.
    expect(am("AgentService", "portal")).toEqual({
      kind: "am-agent",
      realm: "alpha",
      id: "portal",
    });
    expect(am("SocialIdentityProviders", "google", "ou=googleConfig,")).toMatchObject({
      path: "/realm-config/services/SocialIdentityProviders/googleConfig/google",
    });
  });

  it("a realm service by its REST id", () => {
    expect(
      locateContent(item("OAuth2 Provider"), {
        name: "OAuth2 Provider",
        uid: `ou=default,ou=OrganizationConfig,ou=1.0,ou=OAuth2Provider,${TAIL}`,
      }),
    ).toMatchObject({ kind: "am-json", path: "/realm-config/services/oauth-oidc" });
  });

  it("names a service it has no reader for", () => {
    expect(am("UiThemes", "t1")).toEqual({ kind: "unsupported", what: "AM UiThemes entries" });
  });

  it("IDM: one object per entry by prefix, or one file, with the report's name field", () => {
    const pattern = (p: string) =>
      locateContent(item("c", { fileDestinationPattern: p, fileName: "displayName" }), {
        name: "Welcome",
      });
    expect(pattern("idm/conf/emailTemplate-*.json")).toEqual({
      kind: "idm",
      prefix: "emailTemplate/",
      nameField: "displayName",
      name: "Welcome",
    });
    expect(pattern("idm/conf/managed.json")).toMatchObject({ kind: "idm", configId: "managed" });
    expect(pattern("idm/conf/**/x.json")).toEqual({
      kind: "unsupported",
      what: "IDM files idm/conf/**/x.json",
    });
  });
});
