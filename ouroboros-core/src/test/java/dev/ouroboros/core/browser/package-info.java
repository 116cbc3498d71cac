/**
 * A small W3C WebDriver client over {@code java.net.http} that drives a real headless Chromium through
 * chromedriver, for the dashboard's browser tests; no Selenium.
 */
package dev.ouroboros.core.browser;
