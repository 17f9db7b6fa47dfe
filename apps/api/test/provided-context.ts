// Values global setups hand to test files through Vitest's provide/inject, declared in one place.
import "vitest";

export type TestDatabaseSource =
  | { kind: "pglite"; imageFile: string }
  | { kind: "postgres"; adminUrl: string; template: string };

declare module "vitest" {
  export interface ProvidedContext {
    /** Integration tests: where to clone a fresh database from. */
    testDatabase: TestDatabaseSource;
    /** Browser journeys: the running app. */
    baseUrl: string;
  }
}
