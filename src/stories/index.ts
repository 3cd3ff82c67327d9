// Public surface of the stories stage.
export {};
