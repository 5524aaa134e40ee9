"use client";
// app/cert-check.jsx
import { useEffect, useRef, useState } from "react";
import "ai-cert-check"; // defines <ai-cert-check> in the browser; on the server it does nothing

export function CertCheck() {
  const ref = useRef(null);
  const [verdict, setVerdict] = useState("none yet");
  useEffect(() => {
    // Listen through a ref: React does not hand events of a custom element that it
    // hydrated to `onai-cert-check-change` props.
    const element = ref.current;
    const onChange = (event) => setVerdict(event.detail.result.title ?? "none yet");
    element.addEventListener("ai-cert-check-change", onChange);
    return () => element.removeEventListener("ai-cert-check-change", onChange);
  }, []);
  return (
    <>
      <ai-cert-check ref={ref} storage="none">
        <p>Answer a few questions to see whether an AI certification is worth it for you.</p>
      </ai-cert-check>
      <p>
        Verdict: <output id="verdict">{verdict}</output>
      </p>
    </>
  );
}
