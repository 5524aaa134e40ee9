// `<ai-cert-check>` typed in JSX with no import of the module at run time (a file that
// renders the element while another imports the package).
import type {} from "ai-cert-check/react";

export const element = <ai-cert-check theme="light" onai-cert-check-complete={(e) => console.log(e.detail.result.verdict)} />;
