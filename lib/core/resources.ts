import { Size, SizeRoundingBehavior } from 'cdk8s';
import { Cpu, k8s } from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { fail, show } from './errors';

/** A CPU amount: a Kubernetes quantity (`'500m'`, `'2'`) or a cdk8s-plus `Cpu` (`Cpu.millis(500)`). */
export type CpuAmount = string | Cpu;

/** A memory amount: a Kubernetes quantity (`'512Mi'`, `'2Gi'`) or a cdk8s `Size` (`Size.mebibytes(512)`). */
export type MemoryAmount = string | Size;

/** A request and a limit for one resource, as Kubernetes quantities (`"500m"`, `"2Gi"`). */
export interface RequestAndLimit {
  /** What the scheduler reserves, e.g. `"1"` CPU or `"2Gi"` memory. */
  readonly request: string;
  /** The ceiling enforced at run time, e.g. `"2"` CPU or `"3Gi"` memory. */
  readonly limit: string;
}

/** CPU and memory for a container. Both are required: there are no silent defaults. */
export interface ContainerResources {
  /** CPU request and limit, e.g. `{ request: '1', limit: '2' }` or `{ request: Cpu.millis(500), limit: Cpu.units(1) }`. */
  readonly cpu: { readonly request: CpuAmount; readonly limit: CpuAmount };
  /** Memory request and limit, e.g. `{ request: '2Gi', limit: '3Gi' }` or `Size.gibibytes(2)`. */
  readonly memory: { readonly request: MemoryAmount; readonly limit: MemoryAmount };
}

/** {@link ContainerResources} with every amount written as a Kubernetes quantity string. */
export interface ResourceQuantities extends ContainerResources {
  /** CPU request and limit as quantities. */
  readonly cpu: RequestAndLimit;
  /** Memory request and limit as quantities. */
  readonly memory: RequestAndLimit;
}

/** The quantity string of an amount: strings as given, `Cpu` by its amount, `Size` in the largest whole binary unit. */
export function quantityOf(amount: CpuAmount | MemoryAmount): string {
  if (typeof amount === 'string' || amount === undefined || amount === null) return amount as string;
  if (amount instanceof Size) return memoryQuantity(amount.toKibibytes({ rounding: SizeRoundingBehavior.NONE }) * 1024);
  return (amount as Cpu).amount;
}

/** Resources with every amount as a quantity string; the checks stay with {@link containerResources}. */
export function resourceQuantities(resources: ContainerResources): ResourceQuantities {
  return {
    cpu: { request: quantityOf(resources.cpu.request), limit: quantityOf(resources.cpu.limit) },
    memory: { request: quantityOf(resources.memory.request), limit: quantityOf(resources.memory.limit) },
  };
}

/**
 * Kubernetes' quantity grammar (k8s.io/apimachinery resource.Quantity): an optionally signed decimal
 * number, then a binary suffix (Ki..Ei), a decimal suffix (m, k, M..E) or a decimal exponent (e3, E-2).
 */
const QUANTITY = /^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)|[eE]([+-]?[0-9]+))?$/;
const FACTOR: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The numeric value of a Kubernetes quantity (`"500m"` is 0.5, `"1Ki"` is 1024, `"1e3"` is 1000), or undefined if malformed. */
export function parseQuantity(quantity: string): number | undefined {
  const match = typeof quantity === 'string' ? QUANTITY.exec(quantity) : null;
  if (!match) return undefined;
  const [, sign, number, suffix, exponent] = match;
  const scale = exponent !== undefined ? 10 ** Number(exponent) : FACTOR[suffix ?? ''];
  return (sign === '-' ? -1 : 1) * Number(number) * scale;
}

/** What a quantity measures; each has its own sensible units. */
export type QuantityKind = 'cpu' | 'memory' | 'storage' | 'metric';

const EXAMPLES: Record<QuantityKind, string> = {
  cpu: '"500m" or "2"',
  memory: '"512Mi" or "2Gi"',
  storage: '"10Gi"',
  metric: '"50" or "500m"',
};

/**
 * Checks a quantity by Kubernetes' grammar and by what makes sense for `kind`: no negative or zero
 * amount, no binary suffix or amount below 1m for CPU, no milli (`m`) and no bare byte count below 1Mi
 * for memory and storage (what the user surely meant is suggested). Returns the value.
 */
export function assertQuantity(scope: IConstruct | string, prop: string, value: string, kind: QuantityKind): number {
  const amount = parseQuantity(value);
  if (amount === undefined) {
    fail(scope, `${prop} ${show(value)} is not a Kubernetes quantity; use e.g. ${EXAMPLES[kind]}`);
  }
  if (!(amount > 0)) {
    fail(scope, `${prop} ${show(value)} must be more than 0; use e.g. ${EXAMPLES[kind]}`);
  }
  const match = QUANTITY.exec(value)!;
  const suffix = match[3];
  if (kind === 'cpu') {
    if (suffix?.endsWith('i')) {
      fail(
        scope,
        `${prop} ${show(value)} has a binary suffix, which means nothing for CPU; use cores ("2") or millicores ("500m")`,
      );
    }
    if (amount < 1e-3) {
      fail(
        scope,
        `${prop} ${show(value)} is below 1m, the smallest CPU amount Kubernetes schedules; use at least "1m"`,
      );
    }
    return amount;
  }
  if (kind === 'metric') return amount;
  const unit = kind === 'memory' ? 'Mi' : 'Gi';
  if (suffix === 'm') {
    fail(scope, `${prop} ${show(value)} is ${amount} bytes (m means milli); did you mean "${match[2]}${unit}"?`);
  }
  if (!Number.isInteger(amount)) {
    fail(scope, `${prop} ${show(value)} is not a whole number of bytes; use e.g. ${EXAMPLES[kind]}`);
  }
  if (suffix === undefined && match[4] === undefined && amount < 2 ** 20) {
    fail(scope, `${prop} ${show(value)} is ${amount} bytes; did you mean "${match[2]}${unit}"?`);
  }
  return amount;
}

/** Checks every quantity and that no request exceeds its limit; returns the k8s form. */
export function containerResources(
  scope: IConstruct | string,
  prop: string,
  given: ContainerResources | undefined,
): k8s.ResourceRequirements {
  if (!given || !given.cpu || !given.memory) {
    fail(
      scope,
      `${prop} is required with both cpu and memory requests and limits; ` +
        `add e.g. ${prop}: { cpu: { request: '500m', limit: '1' }, memory: { request: '512Mi', limit: '512Mi' } }`,
    );
  }
  const resources = resourceQuantities(given);
  for (const kind of ['cpu', 'memory'] as const) {
    const pair = resources[kind];
    for (const side of ['request', 'limit'] as const) {
      assertQuantity(scope, `${prop}.${kind}.${side}`, pair[side], kind);
    }
    if (parseQuantity(pair.request)! > parseQuantity(pair.limit)!) {
      fail(
        scope,
        `${prop}.${kind}.request ${show(pair.request)} exceeds the limit ${show(pair.limit)}; ` +
          `raise the limit or lower the request`,
      );
    }
  }
  return {
    requests: {
      cpu: k8s.Quantity.fromString(resources.cpu.request),
      memory: k8s.Quantity.fromString(resources.memory.request),
    },
    limits: {
      cpu: k8s.Quantity.fromString(resources.cpu.limit),
      memory: k8s.Quantity.fromString(resources.memory.limit),
    },
  };
}

/** A CPU amount as a quantity: whole cores as `"2"`, else millicores (`"1250m"`). */
function cpuQuantity(cores: number): string {
  return Number.isInteger(cores) ? String(cores) : `${Math.round(cores * 1000)}m`;
}

/** A memory amount as a quantity: `"3Gi"`, `"1536Mi"` or `"100Ki"` when whole, else bytes. */
function memoryQuantity(bytes: number): string {
  if (bytes > 0 && Number.isInteger(bytes / 2 ** 30)) return `${bytes / 2 ** 30}Gi`;
  if (bytes > 0 && Number.isInteger(bytes / 2 ** 20)) return `${bytes / 2 ** 20}Mi`;
  if (bytes > 0 && Number.isInteger(bytes / 2 ** 10)) return `${bytes / 2 ** 10}Ki`;
  return String(Math.ceil(bytes));
}

/**
 * What one pod needs, as the scheduler and a ResourceQuota count it: the sum of its containers, or the
 * largest init container when that is more (init containers run one at a time, before the others).
 * Quantities must already be checked.
 */
export function podResources(
  given: readonly ContainerResources[],
  givenInits: readonly ContainerResources[] = [],
): ResourceQuantities {
  const containers = given.map(resourceQuantities);
  const inits = givenInits.map(resourceQuantities);
  if (containers.length === 1 && inits.length === 0) return containers[0];
  const amount = (kind: 'cpu' | 'memory', side: 'request' | 'limit') => {
    const sum = containers.reduce((n, c) => n + parseQuantity(c[kind][side])!, 0);
    const init = Math.max(0, ...inits.map((c) => parseQuantity(c[kind][side])!));
    const total = Math.max(sum, init);
    return kind === 'cpu' ? cpuQuantity(total) : memoryQuantity(total);
  };
  return {
    cpu: { request: amount('cpu', 'request'), limit: amount('cpu', 'limit') },
    memory: { request: amount('memory', 'request'), limit: amount('memory', 'limit') },
  };
}
