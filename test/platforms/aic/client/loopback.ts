// The loopback server moved to test/core/http, where every platform's client tests share it.
export * from "../../../core/http/loopback.js";
