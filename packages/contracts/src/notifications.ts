// Filled in by the directive register work: see ARCHITECTURE.md.
export {};
