/**
 * The one frozen empty list behind every empty answer the engine gives without allocating: a ticket without tags,
 * an evaluation with nothing due, a call without effects. Frozen, so no caller can fill it for the next one; one
 * constant rather than one per use, so the runtime carries it once.
 */
export const NONE: readonly never[] = /* @__PURE__ */ Object.freeze([]);
