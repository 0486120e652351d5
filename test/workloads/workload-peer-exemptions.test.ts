import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import {
  applyWorkloadPeerExemptions,
  PEER_EXEMPTION_REASON_ANNOTATION,
  PINNED_PULL_POLICY_REASON,
  ProductionService,
} from '../../lib';
import { findObject, synthChart } from '../support/manifests';
import { ORDER_API } from '../support/services';

const service = ORDER_API;

/** A bare Deployment with one container, for the cases the library's own constructs never produce. */
function bare(chart: Chart, name: string, image: string, imagePullPolicy: string): void {
  new k8s.KubeDeployment(chart, name, {
    metadata: { name },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image, imagePullPolicy }] } },
    },
  });
}

describe('applyWorkloadPeerExemptions', () => {
  const objects = synthChart((chart) => {
    new ProductionService(chart, 'order-api', service);
    bare(chart, 'floating', 'registry.example.com/tool:latest', 'IfNotPresent');
    bare(chart, 'always', 'registry.example.com/tool:v1', 'Always');
    applyWorkloadPeerExemptions(chart);
  });
  const annotationsOf = (name: string) => findObject(objects, 'Deployment', name).metadata.annotations ?? {};

  test('exempts pinned images pulled IfNotPresent from the pull-policy checks, with the reason', () => {
    expect(annotationsOf('order-api')).toMatchObject({
      'polaris.fairwinds.com/pullPolicyNotAlways-exempt': 'true',
      'kube-score/ignore': 'container-image-pull-policy',
    });
    expect(annotationsOf('order-api')[PEER_EXEMPTION_REASON_ANNOTATION]).toContain(
      `pullPolicyNotAlways, container-image-pull-policy: ${PINNED_PULL_POLICY_REASON}`,
    );
  });

  test('exempts a Deployment whose replicas its HPA sets from deploymentMissingReplicas', () => {
    expect(annotationsOf('order-api')['polaris.fairwinds.com/deploymentMissingReplicas-exempt']).toBe('true');
    expect(annotationsOf('order-api')[PEER_EXEMPTION_REASON_ANNOTATION]).toContain(
      'deploymentMissingReplicas: the replica count is left to the HorizontalPodAutoscaler that targets this Deployment',
    );
  });

  test('exempts a token only where a binding grants the ServiceAccount something', () => {
    const withRole = synthChart((chart) => {
      new ProductionService(chart, 'order-api', {
        ...service,
        permissions: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
        network: { apiServer: { cidr: '10.0.0.1/32', port: 443 } },
      });
      applyWorkloadPeerExemptions(chart);
    });
    const annotations = findObject(withRole, 'Deployment', 'order-api').metadata.annotations;
    expect(annotations['polaris.fairwinds.com/automountServiceAccountToken-exempt']).toBe('true');
    expect(annotationsOf('order-api')['polaris.fairwinds.com/automountServiceAccountToken-exempt']).toBeUndefined();
  });

  test('exempts nothing that is not a deliberate choice: a floating tag, or a policy of Always', () => {
    expect(annotationsOf('floating')).toEqual({});
    expect(annotationsOf('always')).toEqual({});
  });

  test('exempts a Job from missingNetworkPolicy only when a default deny covers it and nothing admits ingress', () => {
    const policy = (name: string, spec: k8s.NetworkPolicySpec): k8s.KubeNetworkPolicyProps => ({
      metadata: { name },
      spec,
    });
    const jobIn = (extra: k8s.KubeNetworkPolicyProps[]) =>
      synthChart((chart) => {
        new k8s.KubeNetworkPolicy(
          chart,
          'deny',
          policy('deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
        );
        extra.forEach((p, i) => new k8s.KubeNetworkPolicy(chart, `extra-${i}`, p));
        new k8s.KubeJob(chart, 'job', {
          metadata: { name: 'migrate' },
          spec: {
            template: {
              metadata: { labels: { app: 'migrate' } },
              spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'registry.example.com/m:v1' }] },
            },
          },
        });
        applyWorkloadPeerExemptions(chart);
      });
    const exempt = (objects: any[]) =>
      findObject(objects, 'Job', 'migrate').metadata.annotations?.['polaris.fairwinds.com/missingNetworkPolicy-exempt'];
    expect(exempt(jobIn([]))).toBe('true');
    // An allow-all-ingress policy next to the deny: the Job is reachable, so no exemption.
    expect(exempt(jobIn([policy('open', { podSelector: {}, ingress: [{}] })]))).toBeUndefined();
  });
});
