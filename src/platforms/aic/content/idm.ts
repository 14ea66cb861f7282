// IDM configuration: one config object per entry (email templates: emailTemplate/<id>), or an
// entry inside one object (a managed object in managed.json), found by the report's name field.
// More than one match, or none, is said as it is: never a guess.

import { isJsonObject } from "../../../core/util/json.js";
import type { ContentSource, JsonObject } from "./client.js";

export type IdmTarget = { configId?: string; prefix?: string; nameField?: string; name: string };

export type IdmMatch =
  | { found: JsonObject; where: string }
  | { found: undefined; why: "absent" | "ambiguous"; where: string };

/** Reads each query or object once per environment, however many entries it holds. */
export class IdmReader {
  private readonly cache = new Map<string, Promise<JsonObject | undefined>>();

  constructor(
    private readonly source: ContentSource,
    private readonly signal?: AbortSignal,
  ) {}

  async find(target: IdmTarget): Promise<IdmMatch> {
    if (target.prefix !== undefined) return this.inPrefix(target.prefix, target);
    return this.inObject(target.configId ?? "", target);
  }

  private async inPrefix(prefix: string, target: IdmTarget): Promise<IdmMatch> {
    const where = `config ${prefix}*`;
    // fr-config-manager's query: the prefix without its slash, filtered to whole ids here.
    const stem = prefix.replace(/\/$/, "");
    const query = `?_queryFilter=${encodeURIComponent(`_id sw "${stem}"`)}`;
    const reply = await this.once(`query:${stem}`, () =>
      this.source.idm("config", query, this.signal),
    );
    const objects = (Array.isArray(reply?.result) ? reply.result : [])
      .filter(isJsonObject)
      .filter((o) => typeof o._id === "string" && o._id.startsWith(prefix));
    const matches = objects.filter((o) =>
      target.nameField
        ? holdsName(o[target.nameField], target.name)
        : o._id === `${prefix}${target.name}`,
    );
    return pick(matches, where);
  }

  private async inObject(configId: string, target: IdmTarget): Promise<IdmMatch> {
    const where = `config ${configId}`;
    const object = await this.once(`object:${configId}`, () =>
      this.source.idm(
        `config/${configId.split("/").map(encodeURIComponent).join("/")}`,
        undefined,
        this.signal,
      ),
    );
    if (!object) return { found: undefined, why: "absent", where };
    const field = target.nameField;
    if (!field) return { found: object, where };
    // managed.json holds objects[], sync.json mappings[]: the entry is the element named so.
    const elements = Object.entries(object).flatMap(([key, value]) =>
      Array.isArray(value)
        ? value
            .filter((e) => isJsonObject(e) && holdsName(e[field], target.name))
            .map((e) => ({ key, e: e as JsonObject }))
        : [],
    );
    if (elements.length === 1 && elements[0])
      return { found: elements[0].e, where: `${where} ${elements[0].key}` };
    if (elements.length > 1) return { found: undefined, why: "ambiguous", where };
    return holdsName(object[field], target.name) || configId === target.name
      ? { found: object, where }
      : { found: undefined, why: "absent", where };
  }

  private once(
    key: string,
    read: () => Promise<JsonObject | undefined>,
  ): Promise<JsonObject | undefined> {
    let pending = this.cache.get(key);
    if (!pending) {
      pending = read();
      this.cache.set(key, pending);
    }
    return pending;
  }
}

/** A name field is text, or translations of it ({en: "Welcome"}): either may hold the name. */
function holdsName(value: unknown, name: string): boolean {
  if (typeof value === "string") return value === name;
  return isJsonObject(value) && Object.values(value).some((v) => v === name);
}

function pick(matches: JsonObject[], where: string): IdmMatch {
  if (matches.length === 1 && matches[0]) return { found: matches[0], where };
  return { found: undefined, why: matches.length === 0 ? "absent" : "ambiguous", where };
}
