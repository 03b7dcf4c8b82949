// `ticket-lifecycle/testing`: fast-check arbitraries and policy properties.
export {};
