/** The plain-data model of a dashboard: rows of panels, each a few PromQL queries. */

/** How a panel's values are shown: Grafana's unit ids. */
export enum PanelUnit {
  /** Requests per second. */
  REQUESTS_PER_SECOND = 'reqps',
  /** A fraction shown as a percentage: 0.05 is 5%. */
  RATIO = 'percentunit',
  /** Seconds. */
  SECONDS = 's',
  /** Bytes (IEC: KiB, MiB, GiB). */
  BYTES = 'bytes',
  /** CPU cores. */
  CORES = 'none',
  /** A plain count: replicas, nodes, restarts. */
  COUNT = 'short',
  /** A percentage from 0 to 100. */
  PERCENT = 'percent',
}

/** How a panel draws its queries. */
export enum PanelStyle {
  /** Lines over time: for anything whose trend matters. */
  TIME_SERIES = 'timeseries',
  /** One big number with a sparkline: for a current state such as budget left. */
  STAT = 'stat',
}

/** One query of a panel. */
export interface PanelQuery {
  /** PromQL expression; refused at synth time unless it parses. */
  readonly expr: string;
  /**
   * Series name in the legend; `{{ label }}` templates name a series by its labels.
   * @default - Grafana's default: the series' labels
   */
  readonly legend?: string;
}

/** One panel of a dashboard. */
export interface DashboardPanel {
  /** Panel title, unique within its dashboard: alerts and runbooks point to it. */
  readonly title: string;
  /**
   * What the panel shows and how to read it; Grafana shows it on hover.
   * @default - none
   */
  readonly description?: string;
  /** The queries, one series set each. */
  readonly queries: PanelQuery[];
  /** Unit of every query's values. */
  readonly unit: PanelUnit;
  /**
   * Values at which the panel's alerts fire, drawn as dashed lines (or colours, on a stat panel): red at
   * the most severe, orange at the others.
   * @default - none
   */
  readonly thresholds?: number[];
  /**
   * Whether the alerts fire below the thresholds (a success ratio) rather than above them.
   * @default false
   */
  readonly firesBelow?: boolean;
  /**
   * How the queries are drawn.
   * @default PanelStyle.TIME_SERIES
   */
  readonly style?: PanelStyle;
  /**
   * Names of the alerts this panel shows; each alert's `dashboard_url` opens this panel.
   * @default - none
   */
  readonly alerts?: string[];
}

/** A titled row of panels. */
export interface DashboardRow {
  /** Row title, e.g. `Traffic and errors`. */
  readonly title: string;
  /** The panels, left to right, two per line (four per line for stat panels). */
  readonly panels: DashboardPanel[];
}

/** A series of change events drawn on every graph of a dashboard, such as rollouts. */
export interface DashboardAnnotation {
  /** Name in Grafana's annotation toggle, e.g. `Rollouts`. */
  readonly name: string;
  /** PromQL expression that returns a series while the event happens. */
  readonly expr: string;
  /** Event title; `{{ label }}` templates name it by the series' labels. */
  readonly title: string;
}

/** A link at the top of a dashboard, such as to another dashboard. */
export interface DashboardLink {
  /** Link text. */
  readonly title: string;
  /** Target URL. */
  readonly url: string;
}
