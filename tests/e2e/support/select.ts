/** Choosing an option of an antd Select, the way every e2e does it. */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks the option whose text matches `option` and waits until the Select shows it and its
 * dropdown has closed. On a busy machine a click can land while the dropdown is still opening and
 * be lost; the state that matters is "the Select holds this value", so the pick is repeated until
 * it is true (a value already shown is never clicked again: in a multiple Select that would
 * remove it). A multiple Select stays open after a pick: Escape closes it.
 */
export async function pickOption(page: Page, field: Locator, option: string | RegExp, options: { multiple?: boolean } = {}): Promise<void> {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if ((await select.filter({ hasText: option }).count()) > 0) return;
    if ((await dropdown.count()) === 0) await field.click();
    const item = dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first();
    // antd renders only the visible part of a long option list: a searchable Select is narrowed by typing.
    if (typeof option === 'string' && (await item.count()) === 0 && (await field.isEditable())) await field.fill(option);
    await item.click({ timeout: 5_000 });
    await expect(select).toContainText(option, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  if (options.multiple) await page.keyboard.press('Escape');
  // Wait for the closing animation, so the next pick cannot land in this dropdown.
  await expect(dropdown).toHaveCount(0);
}
