// How the tests and the benchmark start Debian's Chromium (headless, from
// setup.sh's `chromium` package). The flags keep it from reaching out on its own
// (background networking, component updates, sync, QUIC): on a closed network those
// connections are refused and only add noise, and nothing but the page's own requests
// may leave the browser (the end-to-end privacy rules count them).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
