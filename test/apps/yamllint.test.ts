import { spawnSync } from 'child_process';
import { ROOT } from '../support/manifests';
import { haveTool } from '../support/tools';

const run = haveTool('yamllint', 'yamllint') ? test : test.skip;

run('every file in dist/ passes yamllint in strict mode', () => {
  const result = spawnSync('yamllint', ['-s', '-c', '.yamllint.yaml', 'dist'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
});
