// `ticket-lifecycle/xstate`: the typed XState v5 machine generated from a policy (issue 3).
export {};
