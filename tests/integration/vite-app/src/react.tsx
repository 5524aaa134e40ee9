// src/react.tsx
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import "ai-cert-check/react";

function App() {
  const [verdict, setVerdict] = useState("none yet");
  return (
    <>
      <ai-cert-check id="widget" storage="none" onai-cert-check-change={(event) => setVerdict(event.detail.result.title)}>
        <p>The checklist loads here.</p>
      </ai-cert-check>
      <p>
        Verdict: <output id="verdict">{verdict}</output>
      </p>
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
