import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';

/** Every ApiObject below `scope`, nested constructs (a canary track, secrets) included, in tree order. */
export function apiObjectsOf(scope: IConstruct): ApiObject[] {
  return scope.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
}
