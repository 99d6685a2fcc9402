import { defineConfig } from 'vitest/config';

// Checks of the exporters' output against the targets' own published schemas: compiling the official FHIR R4
// JSON Schema alone takes seconds, so these run in their own project, with timeouts that hold on a loaded machine.
export default defineConfig({
  test: { name: 'interop-conformance', include: ['**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 },
});
