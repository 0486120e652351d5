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
    expect(refusing(lowest)).toEqual([]);
  });

  // The edges of every range involved: where ours or a package's begins, and each major's first release.
  const packages = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>).filter(
    ([name, p]) => name !== '' && p.engines?.node && semver.validRange(p.engines.node),
  );
  const bounds = [pkg.engines.node, ...packages.map(([, p]) => p.engines!.node!)].flatMap((range) =>
    new semver.Range(range).set.flatMap((comparators) =>
      comparators.filter((c) => c.operator.startsWith('>')).map((c) => c.semver.version),
    ),
  );
  const majors = Array.from({ length: 15 }, (_, i) => `${16 + i}.0.0`);
  const edges = [...new Set([...bounds, ...majors])]
    .filter((v) => semver.satisfies(v, pkg.engines.node))
    .sort(semver.compare);

  test.each(edges)('and every locked package admits Node %s, an edge of the range', (version) => {
    expect(refusing(version)).toEqual([]);
  });

  function refusing(version: string): string[] {
    return packages
      .filter(([, p]) => !semver.satisfies(version, p.engines!.node!))
      .map(([name, p]) => `${name.replace(/^node_modules\//, '')} needs node ${p.engines!.node}`);
  }
});
