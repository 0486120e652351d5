import { ApiObject, App, Chart } from 'cdk8s';
import {
  assertReady,
  checkManifests,
  collectManifests,
  POD_SECURITY_EXEMPTION,
  ReadinessError,
  SUPPRESS_ANNOTATION,
  suppressionAnnotation,
} from '../../lib';
import { matchesSelector, parseSelector } from '../../lib/readiness/selector';
import { PACKS } from '../../lib/readiness/packs';
import { podTemplateOf, WORKLOAD_KINDS } from '../../lib/readiness/workload';
import { RULES } from '../../lib/readiness/registry';
import { ObjectIndex } from '../../lib/readiness/object-index';
import { Construct } from 'constructs';
import { apiContainer, goodStack, pick } from './stack';

describe('label selectors', () => {
  const labels = { app: 'api', tier: 'web' };
  test.each([
    [{ matchLabels: { app: 'api' } }, true],
    [{ matchLabels: { app: 'api', tier: 'db' } }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'edge'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['web'] }] }, false],
    [{ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    [{ matchLabels: { app: 'api' }, matchExpressions: [{ key: 'canary', operator: 'Exists' }] }, false],
    [{}, true],
  ])('%j selects {app: api, tier: web}: %s', (selector, expected) => {
    expect(matchesSelector(parseSelector(selector), labels)).toBe(expected);
  });

  test('a missing selector selects nothing', () => {
    expect(matchesSelector(parseSelector(undefined), labels)).toBe(false);
  });

  test('an unknown operator is an error that names it', () => {
    expect(() => parseSelector({ matchExpressions: [{ key: 'a', operator: 'Equals' }] })).toThrow(
      'label selector operator "Equals" is not one of In, NotIn, Exists, DoesNotExist',
    );
  });

  test('the index selects by matchLabels through its label index and by expressions alone', () => {
    const index = ObjectIndex.build(goodStack());
    expect(
      index
        .selectWorkloads('shop', parseSelector({ matchLabels: { 'app.kubernetes.io/name': 'api' } }))
        .map((w) => w.object.kind),
    ).toEqual(['Deployment']);
    expect(
      index
        .selectWorkloads(
          'shop',
          parseSelector({ matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'Exists' }] }),
        )
        .map((w) => w.object.kind),
    ).toEqual(['Deployment']);
    expect(index.selectWorkloads('other', parseSelector({}))).toEqual([]);
  });
});

describe('workload kinds', () => {
  const pod = {
    metadata: { labels: { app: 'x' } },
    spec: { containers: [{ name: 'c', image: 'x:1', securityContext: { privileged: true } }] },
  };
  const wrap: Record<string, (p: typeof pod) => object> = {
    Pod: (p) => ({ ...p }),
    Deployment: (p) => ({ spec: { template: p } }),
    StatefulSet: (p) => ({ spec: { template: p } }),
    DaemonSet: (p) => ({ spec: { template: p } }),
    ReplicaSet: (p) => ({ spec: { template: p } }),
    ReplicationController: (p) => ({ spec: { template: p } }),
    Job: (p) => ({ spec: { template: p } }),
    CronJob: (p) => ({ spec: { jobTemplate: { spec: { template: p } } } }),
  };

  test.each(WORKLOAD_KINDS.map((k) => [k]))('a privileged container in a %s is found at its field path', (kind) => {
    const object = { apiVersion: 'v1', kind, metadata: { name: 'x', namespace: 'ns' }, ...wrap[kind](pod) };
    expect(podTemplateOf(object)?.labels).toEqual({ app: 'x' });
    const findings = checkManifests([object], { pack: 'pod-security-baseline' }).findings;
    const prefix =
      kind === 'Pod' ? 'spec' : kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
    expect(findings.map((f) => [f.ruleId, f.field])).toEqual([
      ['pss-privileged', `${prefix}.containers[0].securityContext.privileged`],
    ]);
  });
});

describe('suppressions', () => {
  const suppressed = (reason: string) => {
    const stack = goodStack();
    apiContainer(stack).image = 'registry.example.com/api:latest';
    pick(stack, 'Deployment', 'api').metadata.annotations = {
      [SUPPRESS_ANNOTATION]: suppressionAnnotation([{ rule: 'image-tag-pinned', reason }]),
    };
    return checkManifests(stack);
  };

  test('silence the rule on that object and are listed with their reason', () => {
    const report = suppressed('mirrors upstream nightly on purpose');
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((s) => [s.ruleId, s.name, s.reason])).toEqual([
      ['image-tag-pinned', 'api', 'mirrors upstream nightly on purpose'],
    ]);
    expect(report.summary.suppressed).toBe(1);
  });

  test('with a reason under ten characters are refused and reported', () => {
    const report = suppressed('because');
    expect(report.findings.map((f) => [f.ruleId, f.level, f.message])).toEqual([
      [
        'suppression-invalid',
        'error',
        'suppression of image-tag-pinned needs a reason of at least 10 characters, got "because"',
      ],
      ['image-tag-pinned', 'error', expect.stringContaining('uses the mutable tag "latest"')],
    ]);
  });

  test('a Pod Security exemption with its reason suppresses the pss rules only', () => {
    const stack = goodStack();
    const deployment = pick(stack, 'Deployment', 'api');
    deployment.metadata.annotations = { [POD_SECURITY_EXEMPTION]: 'hostPath /var/log (read-only): ships node logs' };
    deployment.spec.template.spec.volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }];
    apiContainer(stack).image = 'registry.example.com/api:latest';
    const report = checkManifests(stack);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['image-tag-pinned']);
    expect(report.suppressed.map((s) => [s.ruleId, s.reason])).toEqual([
      ['pss-host-path-volumes', 'hostPath /var/log (read-only): ships node logs'],
      ['pss-volume-types', 'hostPath /var/log (read-only): ships node logs'],
    ]);
  });

  test('that are not JSON or name an unknown rule are reported', () => {
    const stack = goodStack();
    pick(stack, 'Service', 'api').metadata.annotations = { [SUPPRESS_ANNOTATION]: 'image-tag-pinned' };
    pick(stack, 'ConfigMap', 'api-config').metadata.annotations = {
      [SUPPRESS_ANNOTATION]: '[{"rule":"no-such-rule","reason":"a long enough reason"}]',
    };
    expect(checkManifests(stack).findings.map((f) => [f.ruleId, f.kind, f.message])).toEqual([
      ['suppression-invalid', 'ConfigMap', 'suppression names unknown rule "no-such-rule"'],
      ['suppression-invalid', 'Service', `annotation ${SUPPRESS_ANNOTATION} is not valid JSON: image-tag-pinned`],
    ]);
  });
});

describe('the checker', () => {
  test('reports a rule that throws as a checker error, never as a pass', () => {
    const stack = goodStack();
    pick(stack, 'PodDisruptionBudget', 'api').spec.selector = { matchExpressions: [{ key: 'a', operator: 'Equals' }] };
    const errors = checkManifests(stack).findings.filter((f) => f.ruleId === 'checker-error');
    expect(errors.map((f) => [f.kind, f.level, f.message])).toContainEqual([
      'PodDisruptionBudget',
      'error',
      expect.stringContaining('rule pdb-selects-workload failed on this object: label selector operator "Equals"'),
    ]);
  });

  test('refuses an unknown pack and an unknown policy version with the valid choices', () => {
    expect(() => checkManifests([], { pack: 'strict' as never })).toThrow(
      'unknown pack "strict"; use one of production, baseline, pod-security-baseline, pod-security-restricted',
    );
    expect(() => checkManifests([], { pssVersion: '1.28' as never })).toThrow(
      'Pod Security policy version "1.28" is not valid; use v1.N (e.g. v1.28) or latest',
    );
    expect(() => checkManifests([], { pssVersion: 'v1.20' })).toThrow('older than v1.25');
  });

  test('does not modify the objects it checks', () => {
    const stack = goodStack();
    const before = JSON.stringify(stack);
    checkManifests(stack);
    expect(JSON.stringify(stack)).toBe(before);
  });

  test('pack contract: rule ids and levels per pack', () => {
    expect(Object.fromEntries(Object.values(PACKS).map((p) => [p.name, p.levels]))).toMatchSnapshot();
  });

  test('every rule has an id, a summary, a guide section and a fix', () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.summary).toMatch(/\.$/);
      expect(rule.why).toMatch(/^Guide \d+/);
      expect(rule.fix.length).toBeGreaterThan(10);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});

describe('the synth gate', () => {
  /** A chart with one hand-written Pod that runs as the default ServiceAccount. */
  const build = (annotations: Record<string, string> = {}) => {
    const app = new App();
    const chart = new Chart(new Construct(app, 'production'), 'tools', {
      namespace: 'production',
      disableResourceNameHashes: true,
    });
    const toolbox = new Construct(chart, 'toolbox');
    new ApiObject(toolbox, 'Pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'toolbox', annotations },
      spec: { containers: [{ name: 'shell', image: 'busybox' }] },
    });
    return collectManifests(app);
  };

  test('throws with the construct path, the rule, the problem and the fix', () => {
    expect(() => assertReady(build(), { pack: 'baseline' })).toThrow(ReadinessError);
    expect(() => assertReady(build(), { pack: 'baseline' })).toThrow(
      'Readiness check (pack baseline) found 1 error(s):\n  [production/tools/toolbox/Pod] Pod/toolbox image-tag-pinned: container "shell" image "busybox" has no tag, so it means latest. Fix: Pin a version',
    );
  });

  test('returns the report, suppressions listed with their construct path, when no error remains', () => {
    const files = build({
      [SUPPRESS_ANNOTATION]: suppressionAnnotation([
        { rule: 'image-tag-pinned', reason: 'debug pod, deleted after use' },
      ]),
    });
    const report = assertReady(files, { pack: 'baseline' });
    expect(report.summary.errors).toBe(0);
    expect(report.suppressed.map((s) => [s.ruleId, s.path, s.file])).toEqual([
      ['image-tag-pinned', 'production/tools/toolbox/Pod', 'production/tools.yaml'],
    ]);
  });
});
