import { ProductionServiceProps } from '../../lib';

/** The order service of the guide, as tests of other constructs need one: pinned image, HPA 8..50. */
export const ORDER_API: ProductionServiceProps = {
  image: 'registry.example.com/order-api:v4.2.1',
  resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
  partOf: 'shop',
  autoscaling: { minReplicas: 8, maxReplicas: 50, cpuUtilization: 65 },
};
