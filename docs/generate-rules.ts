/** Writes docs/rules.md from the rule registry: `npx tsx docs/generate-rules.ts`. */
import * as fs from 'fs';
import * as path from 'path';
import { renderRulesReference } from '../lib/readiness/reference';

fs.writeFileSync(path.join(__dirname, 'rules.md'), renderRulesReference());
