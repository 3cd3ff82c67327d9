// Public surface of the summary stage.
export {};
