// Lint: ESLint's and typescript-eslint's recommended rules, once for the whole tree. Formatting is
// Prettier's job (.prettierrc.json), so no stylistic rules here.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "examples/*/node_modules/**", ".stryker-tmp/**", ".pulumi-state/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        URL: "readonly",
        AbortController: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
      },
    },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring a key away, an ignored parameter).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // The serialized shims load the implementation by require at call time on purpose: state records only
    // the module's name, and a program that declares resources never loads the client.
    files: [
      "provider/host/shim.ts",
      "provider/host/expectedErrors.ts",
      "provider/purchase/buy.ts",
      "provider/purchase/lookups/shared.ts",
      "provider/registration/kind.ts",
      "provider/transfer/kind.ts",
      "tests/integration/host/dynamic.test.ts",
    ],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests read loose JSON from the simulator and the engine.
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
