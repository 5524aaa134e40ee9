// `<ai-cert-check>` in React 19's JSX under `tsc --strict`: the attributes, the
// `on<event name>` props React 19 adds as listeners, a ref to the element, and the
// types `ai-cert-check/react` exports. Each `@ts-expect-error` is a mistake the types
// must catch.
import { useRef, useState, type ReactNode } from "react";
import "ai-cert-check/react";
import type { AiCertCheckEventProps, AiCertCheckProps } from "ai-cert-check/react";
import type { AiCertCheckElement, AiCertCheckResult } from "ai-cert-check";

export function Widget(): ReactNode {
  const ref = useRef<AiCertCheckElement>(null);
  const [result, setResult] = useState<AiCertCheckResult | null>(null);
  return (
    <>
      <ai-cert-check
        ref={ref}
        id="widget"
        className="post-widget"
        src="/checklists/mine.json"
        checklist="my-list"
        lang="fr"
        theme="dark"
        storage="none"
        reading-links='{"employers-care": "/posts/employers/"}'
        onai-cert-check-ready={(e) => console.log(e.type, e.target)}
        onai-cert-check-change={(e) => setResult(e.detail.result)}
        onai-cert-check-complete={(e) => console.log(e.detail.answers)}
        onai-cert-check-invalid={(e) => console.log(e.detail.problems.map((p) => p.path))}
      >
        <p>Shown until the widget starts.</p>
      </ai-cert-check>
      <p>{result?.title ?? "none yet"}</p>
      {/* @ts-expect-error: no such theme */}
      <ai-cert-check theme="purple" />
      {/* @ts-expect-error: the change event's detail has no `verdict` (it is in `result`) */}
      <ai-cert-check onai-cert-check-change={(e) => e.detail.verdict} />
      {/* @ts-expect-error: storage is "none" or absent */}
      <ai-cert-check storage="local" />
    </>
  );
}

const props: AiCertCheckProps = { theme: "light", "onai-cert-check-ready": (e) => console.log(e.detail) };
const events: AiCertCheckEventProps = { "onai-cert-check-change": (e) => console.log(e.detail.result.verdict) };
console.log(props, events);
