// Public surface of the analysis stage.
export {};
