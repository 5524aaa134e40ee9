/**
 * ai-cert-check for React 19: `import "ai-cert-check/react"` defines the element (it is
 * the main module) and types `<ai-cert-check>` in JSX, with its attributes and the
 * `on<event name>` props React 19 turns into listeners on a custom element:
 *
 *     <ai-cert-check theme="dark" onai-cert-check-change={(e) => e.detail.result.verdict} />
 *
 * Only this file names React; the main declarations (`ai-cert-check`) need no React types.
 */
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { AiCertCheckAttributes, AiCertCheckElement, AiCertCheckEventMap } from "./ai-cert-check.js";

export * from "./ai-cert-check.js";

/** `onai-cert-check-change` and so on: React 19 adds each as a listener for its event. */
export type AiCertCheckEventProps = {
  [K in keyof AiCertCheckEventMap as `on${K}`]?: (event: AiCertCheckEventMap[K]) => void;
};

/** The props of `<ai-cert-check>` in JSX. */
export type AiCertCheckProps = DetailedHTMLProps<HTMLAttributes<AiCertCheckElement>, AiCertCheckElement> &
  AiCertCheckAttributes &
  AiCertCheckEventProps;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "ai-cert-check": AiCertCheckProps;
    }
  }
}
