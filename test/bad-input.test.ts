import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  ProductionService,
  ProductionServiceProps,
  StatefulService,
  StatefulServiceProps,
  Tenant,
  TenantProps,
} from '../lib';

// Every case goes through the public API as a consumer would. A refused case names the construct
// path, the prop, the value and the fix; an accepted case synthesizes without an error.

const image = 'registry.example.com/catalog:v2.0.1';
const resources = { cpu: { request: '250m', limit: '500m' }, memory: { request: '256Mi', limit: '256Mi' } };

function chart(): Chart {
  return new Chart(new Construct(new App(), 'shop'), 'services', {
    namespace: 'shop',
    disableResourceNameHashes: true,
  });
}

const service = (props: Partial<ProductionServiceProps>) => () =>
  new ProductionService(chart(), 'catalog', { image, resources, ...props });
const database = (props: Partial<StatefulServiceProps>) => () =>
  new StatefulService(chart(), 'redis', {
    image: 'docker.io/library/redis:7.4.2',
    resources,
    containerPort: 6379,
    storage: { size: '10Gi', storageClass: { name: 'gp3-retain' } },
    ...props,
  });
const tenant = (props: Partial<TenantProps>) => () =>
  new Tenant(chart(), 'team', {
    name: 'shop',
    quota: { cpu: { request: '4', limit: '8' }, memory: { request: '8Gi', limit: '16Gi' } },
    ...props,
  });
const cpu = (request: string, limit = '2') => ({ ...resources, cpu: { request, limit } });
const memory = (request: string, limit = '4Gi') => ({ ...resources, memory: { request, limit } });

type Case = [description: string, build: () => unknown, refusal?: string];

/** Quantities: Kubernetes' grammar, and units that make sense for the resource. */
const quantities: Case[] = [
  [
    'memory "512m" (half a byte)',
    service({ resources: memory('512m') }),
    '[shop/services/catalog] resources.memory.request "512m" is 0.512 bytes (m means milli); did you mean "512Mi"?',
  ],
  [
    'memory "512" (bytes)',
    service({ resources: memory('512') }),
    '[shop/services/catalog] resources.memory.request "512" is 512 bytes; did you mean "512Mi"?',
  ],
  [
    'storage "10" (bytes)',
    database({ storage: { size: '10', storageClass: { name: 'gp3-retain' } } }),
    '[shop/services/redis] storage.size "10" is 10 bytes; did you mean "10Gi"?',
  ],
  [
    'storage "10m"',
    database({ storage: { size: '10m', storageClass: { name: 'gp3-retain' } } }),
    '[shop/services/redis] storage.size "10m" is 0.01 bytes (m means milli); did you mean "10Gi"?',
  ],
  [
    'cpu "0" request and limit',
    service({ resources: cpu('0', '0'), autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 70 } }),
    '[shop/services/catalog] resources.cpu.request "0" must be more than 0; use e.g. "500m" or "2"',
  ],
  [
    'cpu "-1"',
    service({ resources: cpu('-1') }),
    '[shop/services/catalog] resources.cpu.request "-1" must be more than 0; use e.g. "500m" or "2"',
  ],
  [
    'cpu "1Gi"',
    service({ resources: cpu('1Gi') }),
    '[shop/services/catalog] resources.cpu.request "1Gi" has a binary suffix, which means nothing for CPU; use cores ("2") or millicores ("500m")',
  ],
  [
    'cpu "0.0001"',
    service({ resources: cpu('0.0001') }),
    '[shop/services/catalog] resources.cpu.request "0.0001" is below 1m, the smallest CPU amount Kubernetes schedules; use at least "1m"',
  ],
  [
    'cpu "two"',
    service({ resources: cpu('two') }),
    '[shop/services/catalog] resources.cpu.request "two" is not a Kubernetes quantity; use e.g. "500m" or "2"',
  ],
  [
    'cpu "1.5.0"',
    service({ resources: cpu('1.5.0') }),
    '[shop/services/catalog] resources.cpu.request "1.5.0" is not a Kubernetes quantity',
  ],
  [
    'memory "1.5" (a fraction of a byte)',
    service({ resources: memory('1.5') }),
    '[shop/services/catalog] resources.memory.request "1.5" is not a whole number of bytes; use e.g. "512Mi" or "2Gi"',
  ],
  [
    'memory "2GB"',
    service({ resources: memory('2GB') }),
    '[shop/services/catalog] resources.memory.request "2GB" is not a Kubernetes quantity; use e.g. "512Mi" or "2Gi"',
  ],
  [
    'quota storage "500"',
    tenant({ quota: { cpu: { request: '4', limit: '8' }, memory: { request: '8Gi', limit: '16Gi' }, storage: '500' } }),
    '[shop/services/team] quota.storage "500" is 500 bytes; did you mean "500Gi"?',
  ],
  [
    'quota cpu "0"',
    tenant({ quota: { cpu: { request: '0', limit: '8' }, memory: { request: '8Gi', limit: '16Gi' } } }),
    '[shop/services/team] quota.cpu.request "0" must be more than 0',
  ],
  ['cpu "1500m"', service({ resources: cpu('1500m') })],
  ['cpu "1.5"', service({ resources: cpu('1.5') })],
  ['cpu "+1"', service({ resources: cpu('+1') })],
  ['cpu "1e0" (decimal exponent)', service({ resources: cpu('1e0') })],
  ['cpu ".5"', service({ resources: cpu('.5') })],
  ['memory "1G" (decimal SI)', service({ resources: memory('1G') })],
  ['memory "1e9" (decimal exponent)', service({ resources: memory('1e9') })],
  ['memory "1073741824" (bytes, 1Gi)', service({ resources: memory('1073741824') })],
  ['memory "1.5Gi"', service({ resources: memory('1.5Gi') })],
  ['memory "512Ki"', service({ resources: memory('512Ki', '1Gi') })],
  ['storage "1Ti"', database({ storage: { size: '1Ti', storageClass: { name: 'gp3-retain' } } })],
];

/** Props that would silently do nothing. */
const silent: Case[] = [
  [
    'replicas together with autoscaling',
    service({ replicas: 3, autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 70 } }),
    '[shop/services/catalog] replicas (3) and autoscaling are both set, and the HPA owns the replica count; remove replicas and set autoscaling.minReplicas and maxReplicas',
  ],
  [
    'an autoscaled minimum of 1 (a PDB that protects no pod)',
    service({ autoscaling: { minReplicas: 1, maxReplicas: 4, cpuUtilization: 70 } }),
    '[shop/services/catalog] autoscaling.minReplicas (1) with minAvailable 0 gives a PodDisruptionBudget that protects no pod, so a drain may evict every replica at once; raise autoscaling.minReplicas to 2 or more and keep minAvailable at least 1',
  ],
  [
    'an autoscaled service with minAvailable 0',
    service({ minAvailable: 0, autoscaling: { minReplicas: 3, maxReplicas: 6, cpuUtilization: 70 } }),
    '[shop/services/catalog] autoscaling.minReplicas (3) with minAvailable 0 gives a PodDisruptionBudget that protects no pod',
  ],
  [
    'cpuUtilization 150 (above the request, as Kubernetes allows)',
    service({ autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 150 } }),
  ],
  [
    'cpuUtilization 0',
    service({ autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 0 } }),
    '[shop/services/catalog] autoscaling.cpuUtilization 0 must be a whole percentage of the CPU request, at least 1 (above 100 is allowed: 150 targets 1.5 times the request)',
  ],
  [
    'cpuUtilization 65.5',
    service({ autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 65.5 } }),
    'autoscaling.cpuUtilization 65.5 must be a whole percentage',
  ],
];

export const CASES: Record<string, Case[]> = { quantities, silent };

describe.each(Object.entries(CASES))('%s', (_, cases) => {
  // Accepted cases have no third element; jest then passes its own callback there, so look at its type.
  test.each(cases)('%s', (...c: unknown[]) => {
    const [build, refusal] = [c[1] as () => unknown, typeof c[2] === 'string' ? c[2] : undefined];
    if (refusal) expect(build).toThrow(refusal);
    else expect(build).not.toThrow();
  });
});
