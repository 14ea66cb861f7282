// One bundle serves both steps (as actions/checkout does): main marks the state first thing,
// so the same file started again as the post step knows which it is.
import * as core from "@actions/core";
import { main } from "../main.js";
import { post } from "../post.js";

const IS_POST = "is-post";

if (core.getState(IS_POST) === "true") {
  await post();
} else {
  core.saveState(IS_POST, "true");
  await main();
}
