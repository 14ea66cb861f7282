// Bundle entry of the action's post step (dist/post/index.js).
import { post } from "../post.js";

await post();
