// An environment's AM and IDM content in memory, served the way AicContentClient reads it:
// absent is undefined (404), a refused scope throws as AM would, every read is counted.
import { ApiError } from "../../../../src/core/http/errors.js";
import type { ContentSource, JsonObject } from "../../../../src/platforms/aic/content/client.js";
import { realmPath } from "../../../../src/platforms/aic/content/dn.js";

export interface FakeContent extends ContentSource {
  /** Full paths read, in order ("/am/json/realms/root/realms/alpha/scripts/x"). */
  reads: string[];
  inFlight: number;
  peak: number;
  /** Every read answers 403, as for a token without the AM/IDM scopes. */
  refuseScopes: boolean;
}

/** `am`: realm path + path -> object; `idm`: config id -> object (queries filter these). */
export function fakeContent(
  origin: string,
  content: { am?: Record<string, JsonObject>; idm?: Record<string, JsonObject> },
): FakeContent {
  const am = content.am ?? {};
  const idm = content.idm ?? {};
  const fake: FakeContent = {
    origin,
    reads: [],
    inFlight: 0,
    peak: 0,
    refuseScopes: false,
    async am(realm, path) {
      return answer(`/am/json${realmPath(realm)}${path}`, () => {
        // An agent query by id answers with the agents stored as <realm>/realm-config/agents/<type>/<id>.
        const query = /^\/realm-config\/agents\?_queryFilter=(.*)$/.exec(path);
        if (!query) return am[`${realm}${path}`];
        const id = /^_id eq '(.*)'$/.exec(decodeURIComponent(query[1] ?? ""))?.[1];
        const result = Object.keys(am).flatMap((key) => {
          const at = new RegExp(`^${realm}/realm-config/agents/([^/?]+)/([^/]+)$`).exec(key);
          return at && at[2] === id ? [{ _id: id, _type: { _id: at[1] } }] : [];
        });
        return { result };
      });
    },
    async idm(path, query) {
      return answer(`/openidm/${path}${query ?? ""}`, () => {
        if (!query) return idm[path.replace(/^config\//, "")];
        const stem = /_id sw "([^"]+)"/.exec(decodeURIComponent(query))?.[1] ?? "";
        return { result: Object.values(idm).filter((o) => String(o._id).startsWith(stem)) };
      });
    },
  };
  async function answer(path: string, find: () => JsonObject | undefined) {
    fake.reads.push(path);
    fake.inFlight++;
    fake.peak = Math.max(fake.peak, fake.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    fake.inFlight--;
    if (fake.refuseScopes)
      throw new ApiError({ method: "GET", path, origin }, 403, 403, "Forbidden");
    const found = find();
    return found === undefined ? undefined : structuredClone(found);
  }
  return fake;
}

export const SUCCESS = "70e691a5-1e33-4ac3-a356-e7b6d60d92e0";
