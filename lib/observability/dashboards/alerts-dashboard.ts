import { Construct } from 'constructs';
import { AlertLayer } from '../alert';
import { AlertRules } from '../alert-rules';
import { alertRows } from './alert-rows';
import { Dashboard, DashboardOptions } from './dashboard';
import { DashboardRow } from './panel';

/** Properties of {@link AlertsDashboard}. */
export interface AlertsDashboardProps extends DashboardOptions {
  /** A DNS label: names the ConfigMap and gives the UID. */
  readonly name: string;
  /** Title in Grafana's dashboard list. */
  readonly title: string;
  /** What the dashboard is for and who opens it, in a sentence. */
  readonly description: string;
  /** The layer of guide 10.2 it shows. */
  readonly layer: AlertLayer;
  /** The alert catalogues it draws, a row per rule group; each alert links its panel. */
  readonly alerts: AlertRules[];
  /**
   * Rows added below the alerts' rows.
   * @default - none
   */
  readonly extraRows?: DashboardRow[];
}

/**
 * The dashboard of a layer's alert catalogues (guide 10.2: cluster, platform, business): a row per rule
 * group, a panel per alert drawing what it watches and its threshold, each alert linking its panel.
 */
export class AlertsDashboard extends Dashboard {
  public constructor(scope: Construct, id: string, props: AlertsDashboardProps) {
    super(scope, id, { ...props, rows: [...props.alerts.flatMap(alertRows), ...(props.extraRows ?? [])] });
  }
}
