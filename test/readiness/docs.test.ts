import * as fs from 'fs';
import * as path from 'path';
import { renderRulesReference } from '../../lib/readiness/reference';
import { RULES } from '../../lib/readiness/registry';
import { ROOT } from '../support/manifests';

describe('docs/rules.md', () => {
  test('is what the registry generates (run `npx tsx docs/generate-rules.ts` when this fails)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(renderRulesReference());
  });

  test('documents every rule with its levels per pack', () => {
    const doc = renderRulesReference();
    for (const rule of RULES)
      expect(doc).toContain(`### \`${rule.id}\`\n\n${rule.summary}\n\n- **Levels:** \`production\`: `);
  });
});
