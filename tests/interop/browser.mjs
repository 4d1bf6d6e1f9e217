// examples/browser/index.html in Debian's headless Chromium (driven with playwright-core over CDP):
// it connects over Socket.IO, subscribes, and shows a price pushed through Redis.
//   FX_URL, FX_REDIS_PORT, FX_PREFIX, FX_PAGE (path of index.html)
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";

const url = process.env.FX_URL;
const page = process.env.FX_PAGE;
const publish = (channel, obj) =>
  execFileSync("redis-cli", ["-p", process.env.FX_REDIS_PORT, "publish", (process.env.FX_PREFIX ?? "") + channel, JSON.stringify(obj)]);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let ok = false;
try {
  const tab = await browser.newPage();
  tab.on("console", (m) => console.log(`console: ${m.text()}`));
  await tab.goto(`file://${page}?server=${encodeURIComponent(url)}`);
  await tab.waitForSelector("#status.connected", { timeout: 10000 });
  console.log(`STEP connected: ${await tab.textContent("#status-text")}`);
  publish("price_updates", { instrument: "EUR_USD", price: { bid: "1.09451", ask: "1.09467" } });
  await tab.waitForFunction(() => document.querySelector('tr[data-pair="EUR_USD"] .mid')?.textContent === "1.09459",
                            null, { timeout: 10000 });
  const spread = await tab.textContent('tr[data-pair="EUR_USD"] .spread');
  if (spread !== "1.6") throw new Error(`spread shows ${spread}`);
  console.log("STEP price shown");
  publish("volatility_alerts", { instrument: "EUR_USD", volatility: 0.031, threshold: 0.02, severity: "critical" });
  await tab.waitForSelector("#alerts li.critical", { timeout: 10000 });
  console.log("STEP alert shown");
  await tab.screenshot({ path: process.env.FX_SCREENSHOT || "/tmp/fx-browser.png" });
  ok = true;
  console.log("ALL OK");
} catch (e) {
  console.error(`FAILED: ${e.stack || e}`);
} finally {
  await browser.close();
}
process.exit(ok ? 0 : 1);
