/**
 * axe-core audit for e2e screenshots: the serious and critical WCAG 2.x A/AA findings, one line each.
 *
 * axe-core runs in the page itself (`axe.run`, injected once per document: a hash change keeps it, a
 * reload injects it again), with the same rule tags and the same violations as @axe-core/playwright's
 * AxeBuilder, which cost 5-7 times as much per audit: it re-injects the 0.5 MB script on every call,
 * opens a second page to merge per-frame results, and builds selectors for every passing node. Only
 * violations are collected (`resultTypes`); every rule still runs on every node. The app draws no
 * iframes, the one thing AxeBuilder's per-frame run adds.
 */
import axe from 'axe-core';
import type { Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async (tags) =>
      (await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations,
    TAGS,
  );
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.impact} ${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`));
}
