import { CertCheck } from "./cert-check";

// A server component: the widget itself is in a client component.
export default function Page() {
  return (
    <main>
      <h1>Is an AI certification worth it?</h1>
      <CertCheck />
    </main>
  );
}
