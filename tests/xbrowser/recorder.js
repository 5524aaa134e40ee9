// The cross-browser tests' in-page recorder, served by tests/xbrowser/server.mjs as the
// first script of every HTML page (a classic script, before the page's own modules).
//
// Why in the page: classic WebDriver (WebKitWebDriver) has no console access and no
// init scripts, so what a reader's console would show and what the widget tells the
// host must be noted from inside. The same recorder runs in all three browsers, so the
// three are held to one rule; in Chromium and Firefox the drivers' console listeners are
// a second net. It is an external same-origin script, so a page whose policy allows
// only 'self' runs it too, and it uses no eval.
//
// It keeps, in `window.__xb` (the tests read it before each navigation):
//   errors      console.error calls, uncaught errors, unhandled rejections, resources
//               that failed to load
//   violations  every securitypolicyviolation: { directive, blocked }
//   events      every ai-cert-check-* event reaching the window (they are composed and
//               bubble): { type, host, detail, verdict, verdictText }, `host` being the
//               element's place among the page's <ai-cert-check>s, with the verdict on
//               screen at the moment of dispatch
//   copied      every navigator.clipboard.writeText call (the share link), passed on to
//               the real clipboard unchanged: { text, done }, `done` being "copied" or
//               why the browser refused, once it has answered
//   storedAtStart  how many localStorage entries the page found when it started
(() => {
  if (window.__xb) return;
  const rec = { errors: [], violations: [], events: [], copied: [], storedAtStart: null };
  Object.defineProperty(window, "__xb", { value: rec });
  try {
    rec.storedAtStart = window.localStorage.length;
  } catch {
    rec.storedAtStart = -1;
  }

  const describe = (value) => {
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (typeof value === "string") return value;
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  };

  const consoleError = console.error;
  console.error = function (...args) {
    rec.errors.push(`console.error: ${args.map(describe).join(" ")}`);
    return consoleError.apply(this, args);
  };

  // Capture phase on the window: a script, stylesheet or image that fails to load fires
  // a non-bubbling error event on its element; a script error fires on the window.
  window.addEventListener(
    "error",
    (event) => {
      const target = event.target;
      if (target && target !== window && target.nodeType === 1) {
        rec.errors.push(`failed to load <${target.localName}> ${target.src || target.href || ""}`);
      } else {
        rec.errors.push(`uncaught ${describe(event.error ?? event.message)} at ${event.filename}:${event.lineno}`);
      }
    },
    true,
  );
  window.addEventListener("unhandledrejection", (event) => {
    rec.errors.push(`unhandled rejection: ${describe(event.reason)}`);
  });
  document.addEventListener("securitypolicyviolation", (event) => {
    rec.violations.push({ directive: event.violatedDirective, blocked: event.blockedURI });
  });

  const record = (event) => {
    const host = event.target;
    const index = Array.prototype.indexOf.call(document.querySelectorAll("ai-cert-check"), host);
    let detail = null;
    try {
      detail = event.detail == null ? null : JSON.parse(JSON.stringify(event.detail));
    } catch (error) {
      detail = { unserializable: String(error) };
    }
    const verdict = host?.shadowRoot?.querySelector('[part="verdict"]');
    rec.events.push({
      type: event.type,
      host: index,
      bubbles: event.bubbles,
      composed: event.composed,
      detail,
      verdict: verdict ? verdict.getAttribute("data-verdict") : null,
      verdictText: verdict ? verdict.textContent.replace(/\s+/g, " ").trim() : null,
    });
  };
  for (const type of ["ready", "change", "complete", "invalid"]) {
    window.addEventListener(`ai-cert-check-${type}`, record, true);
  }

  const clipboard = window.Clipboard?.prototype;
  if (clipboard?.writeText) {
    const writeText = clipboard.writeText;
    clipboard.writeText = function (text) {
      const copy = { text: String(text), done: null };
      rec.copied.push(copy);
      const written = writeText.call(this, text);
      written.then(
        () => (copy.done = "copied"),
        (error) => (copy.done = `refused: ${describe(error)}`),
      );
      return written;
    };
  }
})();
