/**
 * ai-cert-check for Vue 3: `import "ai-cert-check/vue"` defines the element (it is the
 * main module) and types `<ai-cert-check>` in Vue templates (`vue-tsc`, Volar): its
 * attributes, its properties and its four events, as `@ai-cert-check-change` and so on.
 *
 *     <ai-cert-check theme="dark" @ai-cert-check-change="(e) => e.detail.result.verdict" />
 *
 * Vue must be told that it is a custom element (`compilerOptions.isCustomElement`, see
 * docs/integration.md). Only this file names Vue.
 */
import type { AllowedComponentProps, HTMLAttributes, VNodeProps } from "vue";
import type { AiCertCheckAttributes, AiCertCheckElement, AiCertCheckEventMap } from "./ai-cert-check.js";

export * from "./ai-cert-check.js";

/** `ai-cert-check-change` -> `aiCertCheckChange`, as Vue names a listener's prop. */
type Camelize<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camelize<Tail>>}` : S;

/** `onAiCertCheckChange` and so on: the listeners `@ai-cert-check-change` sets. */
export type AiCertCheckVueEvents = {
  [K in keyof AiCertCheckEventMap as `on${Capitalize<Camelize<K>>}`]?: (event: AiCertCheckEventMap[K]) => void;
};

/** What a Vue template may set on `<ai-cert-check>`: its attributes, and the properties that take values. */
export type AiCertCheckVueProps = VNodeProps &
  AllowedComponentProps &
  HTMLAttributes &
  AiCertCheckAttributes &
  Partial<Pick<AiCertCheckElement, "answers">> &
  AiCertCheckVueEvents;

declare module "vue" {
  interface GlobalComponents {
    /** The element, as a component type: its props, and the events it emits. */
    "ai-cert-check": new () => AiCertCheckElement & {
      $props: AiCertCheckVueProps;
      $emit: <K extends keyof AiCertCheckEventMap>(event: K, payload: AiCertCheckEventMap[K]) => void;
    };
  }
}
