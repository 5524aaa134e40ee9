#!/usr/bin/env node
// `vue-tsc` with TypeScript 5 (installed here as `typescript-5`): vue-tsc drives
// TypeScript's JavaScript API, which TypeScript 7 (the `typescript` the other tests use)
// no longer has. Run as `node vue-tsc.cjs -p tsconfig.json` in an app's folder.
require("vue-tsc").run(require.resolve("typescript-5/lib/tsc"));
