import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';

/**
 * The construct that stands for the output `c` is written to, below `root`: its stage (the child of
 * `root` that holds charts, such as `production`), or `root` itself when charts sit directly under it.
 * One output goes to one set of clusters, so object names and dashboard UIDs are unique within it.
 */
export function outputRootOf(c: IConstruct, root: IConstruct = c.node.root): IConstruct {
  const top = c.node.scopes[root.node.scopes.length];
  return top === undefined || top === c || Chart.isChart(top) ? root : top;
}
