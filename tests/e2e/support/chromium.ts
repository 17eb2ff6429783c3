// How the tests and benchmarks start Debian's Chromium: Playwright's own browser download is not
// available here. No sandbox (root in a container), no background traffic, no GPU.
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ],
}
