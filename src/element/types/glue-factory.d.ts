// "./glue-factory.js": the custom build's glue and ../copy.js bundled inside a function
// (scripts/postlink.mjs), so that each call makes a copy with state of its own. Only
// what ../custom-entry.js uses, for the type check of this folder (../tsconfig.json).
import type { Widget } from "./glue.js";
import type { load } from "../copy.js";

/** A fresh copy of the custom build: its exports (src/web/custom.rs) and its loader. */
export default function create(): {
  load: typeof load;
  mount_custom(host: HTMLElement, checklist: unknown, links: unknown, error: unknown): Widget | undefined;
  validate(checklist: unknown): unknown[];
  failed?: boolean;
};
