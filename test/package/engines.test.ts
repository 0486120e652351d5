import * as fs from 'fs';
import * as path from 'path';
import * as semver from 'semver';
import { ROOT } from '../support/manifests';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));

describe('the Node versions package.json admits', () => {
  const lowest = semver.minVersion(pkg.engines.node)!.version;

  test('include the Node this machine runs', () => {
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
  });

  test(`run npm ci without an engine warning: every locked package admits the lowest, Node ${lowest}`, () => {
    const refusing = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
      .filter(([name, p]) => name !== '' && p.engines?.node && !semver.satisfies(lowest, p.engines.node))
      .map(([name, p]) => `${name.replace(/^node_modules\//, '')} needs node ${p.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});
