// Public surface of the search stage.
export {};
