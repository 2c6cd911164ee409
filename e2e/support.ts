import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Console errors and uncaught exceptions of the page; specs expect it empty at their end. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/**
 * The serious and critical axe violations in the page (or only in `include`'s selectors), as
 * `id (impact): targets` lines; specs expect it empty. `wcag`: only the WCAG 2.1 A/AA and
 * best-practice rules, as the full-page audits use.
 */
export async function seriousAxe(
  page: Page,
  include: string[] = [],
  wcag = false,
): Promise<string[]> {
  let axe = new AxeBuilder({ page });
  for (const sel of include) axe = axe.include(sel);
  if (wcag) axe = axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
