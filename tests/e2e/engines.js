// Firefox and WebKit for the cross-browser walk, behind one small interface: Debian's Firefox ESR
// driven by puppeteer-core (WebDriver BiDi), and WebKitGTK's MiniBrowser driven by WebKitWebDriver
// (plain W3C WebDriver, through selenium-webdriver) in a virtual X display. No browser download.
import puppeteer from "puppeteer-core";
import { Builder, By, Capabilities } from "selenium-webdriver";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

export const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || "/usr/bin/WebKitWebDriver";
export const MINIBROWSER = process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** Which engines this machine has (the test says which ones it skipped and why). */
export function available() {
  return {
    firefox: fs.existsSync(FIREFOX),
    webkit: fs.existsSync(WEBKIT_DRIVER) && fs.existsSync(MINIBROWSER) && fs.existsSync("/usr/bin/xvfb-run"),
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  const server = net.createServer();
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** The common interface: JavaScript expressions run in the page, CSS selectors, real clicks and keys. */
class Engine {
  async js(expression) { throw new Error("abstract"); }
  /** Waits until the page expression is truthy. */
  async until(expression, timeout = 30000, what = expression) {
    const end = Date.now() + timeout;
    for (;;) {
      let value;
      try { value = await this.js(expression); } catch { value = false; }
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out (${timeout} ms) waiting for ${what}`);
      await sleep(100);
    }
  }
  async text(css) { return this.js(`document.querySelector(${JSON.stringify(css)})?.innerText ?? null`); }
  async count(css) { return this.js(`document.querySelectorAll(${JSON.stringify(css)}).length`); }
  async waitFor(css, timeout) { return this.until(`!!document.querySelector(${JSON.stringify(css)})`, timeout, css); }
}

class Firefox extends Engine {
  static async start() {
    const e = new Firefox();
    e.browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true });
    e.page = await e.browser.newPage();
    e.errors = [];
    e.page.on("pageerror", (err) => e.errors.push(String(err.message || err)));
    e.page.on("console", (m) => { if (m.type() === "error") e.errors.push(m.text()); });
    // « Quitter la page ? » (a trained model would be lost): the pupil says yes.
    e.page.on("dialog", (d) => d.accept());
    return e;
  }
  async goto(url) { await this.page.goto(url); }
  async reload() { await this.page.reload(); }
  async js(expression) { return this.page.evaluate(expression); }
  async click(css) { await this.waitFor(css); await this.page.click(css); }
  async type(css, text) {
    await this.waitFor(css);
    await this.page.$eval(css, (el) => { el.value = ""; });
    await this.page.type(css, text);
  }
  async close() { await this.browser.close(); }
}

/** Chromium, through a playwright page the test opened (its harness watches errors). */
class Chromium extends Engine {
  constructor(page) { super(); this.page = page; this.errors = []; }
  async goto(url) { await this.page.goto(url); }
  async reload() { await this.page.reload(); }
  async js(expression) { return this.page.evaluate(expression); }
  async click(css) { await this.page.click(css); }
  async type(css, text) { await this.page.fill(css, text); }
  async waitFor(css, timeout) { await this.page.waitForSelector(css, { timeout }); }
  async close() { await this.page.context().close(); }
}

/** A playwright page behind the same interface as Firefox and WebKit. */
export function chromium(page) {
  return new Chromium(page);
}

class WebKit extends Engine {
  static async start() {
    const e = new WebKit();
    const port = await freePort();
    // Its own process group (xvfb-run, Xvfb, the driver, MiniBrowser): ended together.
    e.helper = spawn("xvfb-run", ["-a", WEBKIT_DRIVER, `--port=${port}`], { detached: true, stdio: "ignore" });
    const caps = new Capabilities({ browserName: "MiniBrowser", unhandledPromptBehavior: "accept",
      "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } });
    const end = Date.now() + 20000;
    for (;;) {
      try {
        e.driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build();
        break;
      } catch (err) {
        if (Date.now() > end) { e.stop(); throw err; }
        await sleep(300);
      }
    }
    e.errors = [];
    return e;
  }
  async goto(url) { await this.driver.get(url); await this.watchErrors(); }
  async reload() { await this.driver.navigate().refresh(); await this.watchErrors(); }
  /** W3C WebDriver has no error events: the page keeps its own list. */
  async watchErrors() {
    await this.driver.executeScript(`if (!window.__errors) { window.__errors = [];
      addEventListener("error", (e) => window.__errors.push(String(e.message)));
      addEventListener("unhandledrejection", (e) => window.__errors.push(String(e.reason))); }`);
  }
  async js(expression) { return this.driver.executeScript(`return (${expression});`); }
  async click(css) { await this.waitFor(css); await this.driver.findElement(By.css(css)).click(); }
  async type(css, text) {
    await this.waitFor(css);
    const el = await this.driver.findElement(By.css(css));
    await el.clear();
    await el.sendKeys(text);
  }
  stop() { try { process.kill(-this.helper.pid); } catch { /* already gone */ } }
  async close() {
    try { this.errors.push(...((await this.js("window.__errors || []")) || [])); await this.driver.quit(); } finally { this.stop(); }
  }
}

export async function start(name) {
  return name === "firefox" ? Firefox.start() : WebKit.start();
}
