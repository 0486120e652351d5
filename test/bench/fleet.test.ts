import { buildFleet, FLEET_ENVIRONMENTS, serviceName } from '../../bench/fleet';
import { collectManifests } from '../../lib/output/collect';

// The benchmark measures this fleet; these tests keep it building as the library's rules tighten.
describe('benchmark fleet', () => {
  const files = collectManifests(buildFleet(3));

  it('writes a namespace file and one file per service in each environment', () => {
    expect(files.map((f) => f.path)).toEqual(
      FLEET_ENVIRONMENTS.flatMap((e) => [
        `${e.name}/namespace.yaml`,
        ...[0, 1, 2].map((i) => `${e.name}/${serviceName(i)}.yaml`),
      ]),
    );
  });

  it('gives each service the objects the benchmark reports on', () => {
    const kinds = files.find((f) => f.path === 'production/svc-0000.yaml')!.objects.map((o) => o.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Deployment',
        'Service',
        'HorizontalPodAutoscaler',
        'PodDisruptionBudget',
        'NetworkPolicy',
        'ServiceMonitor',
      ]),
    );
  });
});
