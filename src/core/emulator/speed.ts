// An emulator's speed: the caller's, else the scenario's; its timings are divided by it.

/** The speed to run at; a zero, negative or infinite speed is refused before anything starts. */
export function emulatorSpeed(given: number | undefined, scenarioSpeed: number): number {
  const speed = given ?? scenarioSpeed;
  if (!(speed > 0) || !Number.isFinite(speed))
    throw new Error(`emulator speed must be a positive number, got ${speed}`);
  return speed;
}
