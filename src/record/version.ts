/** The record format's version, apart from the schema so that cleaning pages does not load zod. */
export const SCHEMA_VERSION = 1;
