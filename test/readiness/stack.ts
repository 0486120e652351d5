import { fromYaml, KubeObject } from '../../lib';

/**
 * A small production stack that every readiness rule accepts: the order-api shape of guide section 14
 * plus a platform stack (PriorityClass, StorageClass, NodePool), a StatefulSet and a CronJob.
 * Tests copy it, break one thing and expect the rule for that thing.
 */
export const GOOD_STACK = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: { name: online-critical }
value: 100000
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: retained-gp3 }
provisioner: ebs.csi.aws.com
---
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: { name: online-general }
spec:
  template:
    metadata: { labels: { node-pool: online-general } }
    spec:
      requirements: [{ key: node-pool, operator: In, values: [online-general] }]
      taints: [{ key: dedicated, value: online, effect: NoSchedule }]
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: api, namespace: shop }
automountServiceAccountToken: true
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: api, namespace: shop }
rules: [{ apiGroups: [""], resources: [configmaps], verbs: [get] }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: api, namespace: shop }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: api }
subjects: [{ kind: ServiceAccount, name: api, namespace: shop }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: api-config, namespace: shop }
data: { LOG_LEVEL: INFO }
---
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata: { name: api-db, namespace: shop }
spec:
  secretStoreRef: { kind: ClusterSecretStore, name: platform-secrets }
  target: { name: api-db-credentials }
  data: [{ secretKey: password, remoteRef: { key: shop/api-db, property: password } }]
---
apiVersion: external-secrets.io/v1
kind: ClusterSecretStore
metadata: { name: platform-secrets }
spec: { provider: { aws: { service: SecretsManager, region: eu-west-1 } } }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
  labels: &labels
    app.kubernetes.io/name: api
    app.kubernetes.io/instance: api
    app.kubernetes.io/version: v1.2.3
    app.kubernetes.io/component: api
    app.kubernetes.io/part-of: shop
    app.kubernetes.io/managed-by: cdk8s-production
spec:
  selector: { matchLabels: { app.kubernetes.io/name: api, app.kubernetes.io/instance: api } }
  strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 2, maxUnavailable: 1 } }
  template:
    metadata: { labels: *labels }
    spec:
      serviceAccountName: api
      priorityClassName: online-critical
      terminationGracePeriodSeconds: 40
      securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: RuntimeDefault } }
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms: [{ matchExpressions: [{ key: node-pool, operator: In, values: [online-general] }] }]
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector: { matchLabels: { app.kubernetes.io/name: api } }
      tolerations: [{ key: dedicated, operator: Equal, value: online, effect: NoSchedule }]
      topologySpreadConstraints:
        - { maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app.kubernetes.io/name: api } } }
      containers:
        - name: app
          image: registry.example.com/api:v1.2.3
          ports: [{ name: http, containerPort: 8080 }]
          envFrom: [{ configMapRef: { name: api-config } }]
          env: [{ name: DB_PASSWORD, valueFrom: { secretKeyRef: { name: api-db-credentials, key: password } } }]
          readinessProbe: { httpGet: { path: /ready, port: http } }
          livenessProbe: { httpGet: { path: /live, port: 8080 } }
          lifecycle: { preStop: { exec: { command: [sleep, "10"] } } }
          resources: { requests: { cpu: 500m, memory: 1Gi }, limits: { cpu: "1", memory: 1Gi } }
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: shop, labels: { app.kubernetes.io/name: api } }
spec:
  selector: { app.kubernetes.io/name: api, app.kubernetes.io/instance: api }
  ports: [{ name: http, port: 80, targetPort: http }]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: api, namespace: shop }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }
  minReplicas: 4
  maxReplicas: 12
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: api, namespace: shop }
spec:
  minAvailable: 3
  selector: { matchLabels: { app.kubernetes.io/name: api }, matchExpressions: [{ key: app.kubernetes.io/instance, operator: In, values: [api] }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: shop }
spec: { podSelector: {}, policyTypes: [Ingress, Egress] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-dns, namespace: shop }
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress: [{ to: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } } }], ports: [{ port: 53, protocol: UDP }, { port: 53, protocol: TCP }] }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api, namespace: shop }
spec:
  podSelector: { matchLabels: { app.kubernetes.io/name: api } }
  policyTypes: [Ingress, Egress]
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: gateway } }, podSelector: { matchLabels: { app: gateway } } }], ports: [{ port: 8080 }] }]
  egress:
    - to: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } } }]
      ports: [{ port: 53, protocol: UDP }, { port: 53, protocol: TCP }]
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: { name: api, namespace: shop }
spec:
  selector: { matchLabels: { app.kubernetes.io/name: api } }
  namespaceSelector: { matchNames: [shop] }
  endpoints: [{ port: http, path: /metrics }]
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
  namespace: shop
  labels: { app.kubernetes.io/name: report, app.kubernetes.io/instance: report, app.kubernetes.io/version: v1.0.0, app.kubernetes.io/component: batch, app.kubernetes.io/part-of: shop, app.kubernetes.io/managed-by: cdk8s-production }
spec:
  schedule: "0 3 * * *"
  startingDeadlineSeconds: 600
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      ttlSecondsAfterFinished: 86400
      template:
        spec:
          restartPolicy: OnFailure
          serviceAccountName: api
          automountServiceAccountToken: false
          priorityClassName: online-critical
          nodeSelector: { node-pool: online-general }
          tolerations: [{ key: dedicated, operator: Exists }]
          securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
          containers:
            - name: report
              image: registry.example.com/report@sha256:0123456789abcdef
              resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: 500m, memory: 128Mi } }
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: reports, namespace: shop }
spec: { storageClassName: retained-gp3, accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`;

/** A fresh, mutable copy of the good stack. */
export function goodStack(): Record<string, any>[] {
  return fromYaml(GOOD_STACK).map((o) => JSON.parse(JSON.stringify(o)));
}

/** The object of `kind` named `name` in `objects`; throws when absent. */
export function pick(objects: Record<string, any>[], kind: string, name: string): Record<string, any> {
  const found = objects.find((o) => o.kind === kind && o.metadata?.name === name);
  if (!found) throw new Error(`no ${kind}/${name} in the stack`);
  return found;
}

/** The pod spec of the api Deployment. */
export const apiPod = (objects: Record<string, any>[]) => pick(objects, 'Deployment', 'api').spec.template.spec;

/** The app container of the api Deployment. */
export const apiContainer = (objects: Record<string, any>[]) => apiPod(objects).containers[0];

/** Objects as the checker takes them. */
export const asObjects = (objects: Record<string, any>[]): KubeObject[] => objects;
