// Bundle entry of the action's main step (dist/main/index.js).
import { main } from "../main.js";

await main();
