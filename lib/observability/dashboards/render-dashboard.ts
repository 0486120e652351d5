import {
  GraphThresholdsStyleConfigBuilder,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  VizLegendOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import {
  AnnotationQueryBuilder,
  DashboardBuilder,
  DashboardLinkBuilder,
  DashboardLinkType,
  RowBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeSeriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { DashboardAnnotation, DashboardLink, DashboardPanel, DashboardRow, PanelStyle } from './panel';

/** A Grafana data source by type and UID. */
export interface DataSourceRef {
  readonly type: string;
  readonly uid: string;
}

/** What a dashboard shows, ready to render. */
export interface DashboardModel {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly rows: readonly DashboardRow[];
  readonly annotations: readonly DashboardAnnotation[];
  readonly links: readonly DashboardLink[];
  /** The Prometheus data source every query reads. */
  readonly datasource: DataSourceRef;
}

/** A rendered dashboard: Grafana's JSON model and the id of each panel by title. */
export interface RenderedDashboard {
  readonly json: object;
  readonly panelIds: ReadonlyMap<string, number>;
}

const GRID_WIDTH = 24;
const SIZE: Record<PanelStyle, { readonly w: number; readonly h: number }> = {
  [PanelStyle.TIME_SERIES]: { w: 12, h: 8 },
  [PanelStyle.STAT]: { w: 6, h: 4 },
};

/**
 * Renders the model with Grafana's own builders (`@grafana/grafana-foundation-sdk`): a row panel per
 * row, its panels laid out left to right below it, ids numbered in order so they stay stable.
 */
export function renderDashboard(model: DashboardModel): RenderedDashboard {
  const builder = new DashboardBuilder(model.title)
    .uid(model.uid)
    .description(model.description)
    .tags([...model.tags])
    .timezone('browser')
    .time({ from: 'now-6h', to: 'now' })
    .refresh('1m');
  for (const a of model.annotations) builder.annotation(annotation(a, model.datasource));
  if (model.links.length > 0) {
    builder.links(model.links.map((l) => new DashboardLinkBuilder(l.title).type(DashboardLinkType.Link).url(l.url)));
  }
  const panelIds = new Map<string, number>();
  let id = 0;
  let y = 0;
  for (const row of model.rows) {
    builder.withRow(new RowBuilder(row.title).id(++id).gridPos({ x: 0, y: y++, w: GRID_WIDTH, h: 1 }));
    let x = 0;
    let lineHeight = 0;
    for (const panel of row.panels) {
      const size = SIZE[panel.style ?? PanelStyle.TIME_SERIES];
      if (x + size.w > GRID_WIDTH) {
        y += lineHeight;
        x = 0;
        lineHeight = 0;
      }
      panelIds.set(panel.title, ++id);
      builder.withPanel(
        panelBuilder(panel, model.datasource)
          .id(id)
          .gridPos({ x, y, ...size }),
      );
      x += size.w;
      lineHeight = Math.max(lineHeight, size.h);
    }
    y += lineHeight;
  }
  return { json: inTopBar(builder.build()), panelIds };
}

/**
 * The SDK places every link and annotation toggle in the "dashboard controls" menu; without the field,
 * Grafana shows them in the top bar, where the links to the service dashboards and the rollout toggle belong.
 */
function inTopBar<T extends { annotations?: { list?: object[] }; links?: object[] }>(json: T): T {
  for (const item of [...(json.annotations?.list ?? []), ...(json.links ?? [])]) {
    delete (item as { placement?: unknown }).placement;
  }
  return json;
}

function panelBuilder(panel: DashboardPanel, datasource: DataSourceRef): TimeSeriesPanelBuilder | StatPanelBuilder {
  const builder =
    (panel.style ?? PanelStyle.TIME_SERIES) === PanelStyle.STAT
      ? new StatPanelBuilder().reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']))
      : new TimeSeriesPanelBuilder().legend(
          new VizLegendOptionsBuilder()
            .showLegend(true)
            .displayMode(LegendDisplayMode.List)
            .placement(LegendPlacement.Bottom),
        );
  builder.title(panel.title).datasource(datasource).unit(panel.unit);
  if (panel.description) builder.description(panel.description);
  const stat = builder instanceof StatPanelBuilder;
  panel.queries.forEach((q, i) => {
    const query = new DataqueryBuilder().expr(q.expr).refId(String.fromCharCode(65 + i));
    // A stat shows the current value: one instant query, not a range of long-window evaluations.
    if (stat) query.instant();
    builder.withTarget(q.legend ? query.legendFormat(q.legend) : query);
  });
  if (panel.thresholds && panel.thresholds.length > 0) {
    builder.thresholds(new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(thresholdSteps(panel)));
    if (builder instanceof TimeSeriesPanelBuilder) {
      builder.thresholdsStyle(new GraphThresholdsStyleConfigBuilder().mode(GraphThresholdsStyleMode.Dashed));
    }
  }
  return builder;
}

/**
 * Grafana's threshold steps, lowest first: above the thresholds (or below, when the alerts fire below
 * them) red at the most severe one and orange at the others; green where no alert fires.
 */
function thresholdSteps(panel: DashboardPanel): { value: number | null; color: string }[] {
  const values = [...new Set(panel.thresholds)].sort((a, b) => a - b);
  if (panel.firesBelow) {
    return [
      { value: null, color: 'red' },
      ...values.map((value, i) => ({ value, color: i === values.length - 1 ? 'green' : 'orange' })),
    ];
  }
  return [
    { value: null, color: 'green' },
    ...values.map((value, i) => ({ value, color: i === values.length - 1 ? 'red' : 'orange' })),
  ];
}

function annotation(a: DashboardAnnotation, datasource: DataSourceRef): AnnotationQueryBuilder {
  return new AnnotationQueryBuilder()
    .name(a.name)
    .datasource(datasource)
    .enable(true)
    .iconColor('blue')
    .expr(a.expr)
    .titleFormat(a.title)
    .step('60s');
}
