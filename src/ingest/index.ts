// Public surface of the ingest stage.
export {};
