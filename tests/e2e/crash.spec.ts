/**
 * The crash reporter end to end, in both languages: a renderer crash from Settings → Diagnostics
 * shows the recovery screen (never a white window) and the app is usable after "reload this
 * view"; the engine's test crashes (unhandled rejection, Argon2id worker) are recorded; Crash
 * reports lists them and shows exactly what would be shared; a loopback endpoint receives exactly
 * the consented report and nothing before consent; the bundle is exported. No uncaught page
 * error: the deliberate render error is caught by the boundary and asserted as a report instead.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startHost } from './support/host';
import { createWalletViaUi } from './support/wallet';

const SHOTS = join(__dirname, '../.tmp/screenshots/crash');
const L = {
  'en-US': {
    settings: 'Settings & About', crashes: 'Crash reports', testRenderer: 'Test the window crash path', testEngine: 'Test the engine crash path',
    viewBroken: 'This view stopped working', reloadView: 'Reload this view', diagnostics: 'Diagnostics', renderError: 'View failed to render',
    rejection: 'Unhandled rejection', worker: 'Worker crashed', details: 'Details', consent: 'I agree to send this report to the distributor of this build.',
    send: 'Send this report', exportAll: 'Export all', saved: 'Bundle saved', nav: 'Main navigation',
    problem: 'Report a problem', what: 'What happened?', saveFile: 'Save as file', problemSaved: 'Saved. Attach this file when you contact support:',
  },
  'zh-CN': {
    settings: '设置与关于', crashes: '崩溃报告', testRenderer: '测试窗口崩溃流程', testEngine: '测试引擎崩溃流程',
    viewBroken: '此页面出现故障', reloadView: '重新加载此页面', diagnostics: '诊断', renderError: '页面渲染失败',
    rejection: '未处理的 Promise 拒绝', worker: '工作线程崩溃', details: '详情', consent: '我同意将此报告发送给此版本的发行方。',
    send: '发送此报告', exportAll: '全部导出', saved: '报告包已保存', nav: '主导航',
    problem: '报告问题', what: '发生了什么？', saveFile: '保存为文件', problemSaved: '已保存。联系客服时请附上此文件：',
  },
} as const;

/** Serious and critical axe findings (the list with rows and the detail dialog are not in views-a11y's empty wallet). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

/** The distributor's endpoint, on loopback: counts every request and keeps their bodies. */
async function startEndpoint(): Promise<{ server: Server; url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      bodies.push(body);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/crash`, bodies };
}

for (const lang of ['en-US', 'zh-CN'] as const) {
  test(`crash reporter in ${lang}: recovery screen, reports, what is shared, consented send, export`, async ({ page }) => {
    const l = L[lang];
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    const endpoint = await startEndpoint();
    const host = await startHost({ lang, crashEndpoint: endpoint.url });
    try {
      await page.goto(host.url);
      await createWalletViaUi(page, lang);
      const nav = page.getByRole('navigation', { name: l.nav });

      // A render error in a view: the boundary's recovery screen, then the view comes back.
      await nav.getByText(l.settings).click();
      await page.getByRole('button', { name: l.testRenderer }).click();
      await expect(page.getByText(l.viewBroken)).toBeVisible();
      await expect(nav).toBeVisible(); // the shell around the view still stands
      await page.screenshot({ path: join(SHOTS, `recovery-${lang}.png`) });
      await page.getByRole('button', { name: l.reloadView }).click();
      await expect(page.getByText(l.diagnostics, { exact: true })).toBeVisible();

      // The engine's paths: an unhandled rejection and a real Argon2id worker crash.
      await page.getByRole('button', { name: l.testEngine }).click();

      await nav.getByText(l.crashes).click();
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await expect(rows).toHaveCount(3);
      await expect(page.getByRole('cell', { name: l.renderError })).toBeVisible();
      await expect(page.getByRole('cell', { name: l.rejection })).toBeVisible();
      await expect(page.getByRole('cell', { name: l.worker })).toBeVisible();
      await page.screenshot({ path: join(SHOTS, `list-${lang}.png`) });
      expect(await seriousViolations(page)).toEqual([]);

      // What would be shared, exactly; no send before consent.
      await rows.filter({ hasText: l.renderError }).getByRole('button', { name: l.details }).click();
      const json = page.getByTestId('crash-report-json');
      await expect(json).toContainText('"kind": "renderError"');
      await expect(json).not.toContainText(host.dataDir);
      const shown = JSON.parse((await json.textContent())!);
      expect(shown.error.message).toContain('Crash reporter test');
      await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0); // the dialog has finished opening
      await page.screenshot({ path: join(SHOTS, `detail-${lang}.png`) });
      expect(await seriousViolations(page)).toEqual([]);
      const send = page.getByRole('button', { name: l.send });
      await expect(send).toBeDisabled();
      expect(endpoint.bodies).toHaveLength(0);
      await page.getByLabel(l.consent).check();
      await send.click();
      await expect.poll(() => endpoint.bodies.length).toBe(1);
      expect(JSON.parse(endpoint.bodies[0]!).report).toEqual(shown);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: l.exportAll }).click();
      await expect(page.getByText(l.saved)).toBeVisible();
      const path = (await page.getByTestId('crash-export-path').textContent())!.trim();
      const bundle = JSON.parse(readFileSync(path, 'utf8'));
      expect(bundle.format).toBe('onewallet-crash-bundle');
      expect(bundle.reports).toHaveLength(3);
      expect(bundle.diagnostics.log.length).toBeGreaterThanOrEqual(0);
      expect(endpoint.bodies).toHaveLength(1); // exporting sends nothing

      // Report a problem, saved as a file with scrubbed diagnostics.
      await page.getByRole('button', { name: l.problem }).click();
      const dialog = page.getByRole('dialog', { name: l.problem });
      await dialog.getByLabel(l.what).fill('The chart went blank after I paid 123.45');
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: l.saveFile }).click();
      await expect(dialog.getByText(l.problemSaved)).toBeVisible();
      const problemPath = (await dialog.locator('code').textContent())!.trim();
      const problem = JSON.parse(readFileSync(problemPath, 'utf8'));
      expect(problem.problem.description).toBe('The chart went blank after I paid <amount>');
      expect(problem.diagnostics.statistics).toMatchObject({ wallets: 1, formatVersion: 1 });
      expect(endpoint.bodies).toHaveLength(1);
    } finally {
      await host.stop();
      endpoint.server.close();
    }
    expect(pageErrors.map(String)).toEqual([]);
  });
}
