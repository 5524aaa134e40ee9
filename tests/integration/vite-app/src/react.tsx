// src/react.tsx
import { StrictMode, useEffect, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { mount, type AiCertCheckChecklist, type AiCertCheckElement } from "ai-cert-check/react";
import minimal from "./minimal.json";

function App() {
  const [verdict, setVerdict] = useState("none yet");
  return (
    <>
      <ai-cert-check id="widget" storage="none" onai-cert-check-change={(event) => setVerdict(event.detail.result.title ?? "none yet")}>
        <p>The checklist loads here.</p>
      </ai-cert-check>
      <p>
        Verdict: <output id="verdict">{verdict}</output>
      </p>
      <OwnChecklist checklist={minimal} />
    </>
  );
}

// A checklist given as an object, through the API.
function OwnChecklist({ checklist }: { checklist: AiCertCheckChecklist }) {
  const ref = useRef<AiCertCheckElement>(null);
  useEffect(() => {
    if (ref.current) void mount(ref.current, { checklist });
  }, [checklist]);
  return <ai-cert-check id="own" ref={ref} storage="none" />;
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
