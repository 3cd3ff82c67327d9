// Public surface of the text stage.
export {};
