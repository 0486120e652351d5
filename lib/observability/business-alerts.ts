import { Construct } from 'constructs';
import { AlertLayer, AlertRule, assertBetween, assertDuration, assertPositive, Severity } from './alert';
import { AlertRules, AlertRulesOptions, childPath, namespaceOf } from './alert-rules';
import { PanelUnit } from './dashboards/panel';
import { percent, ratioOfRates, selector, sumRate } from './promql';

/** Thresholds and metrics of a success-ratio KPI. */
export interface KpiRatioOptions {
  /** Counter of attempts, e.g. `orders_created_total`. */
  readonly attempted: string;
  /** Counter of the attempts that succeeded, e.g. `orders_completed_total`. */
  readonly succeeded: string;
  /** Lowest acceptable share of successful attempts, between 0 and 1, e.g. 0.97. */
  readonly minimumRatio: number;
  /**
   * Window the ratio is computed over.
   * @default '10m'
   */
  readonly window?: string;
  /**
   * How long the ratio must stay low before the alert fires.
   * @default '10m'
   */
  readonly for?: string;
  /**
   * Attempts per second below which the ratio is too noisy to alert on (nights, quiet shops).
   * @default 0.1
   */
  readonly minimumAttemptsPerSecond?: number;
  /**
   * Page or ticket.
   * @default Severity.CRITICAL
   */
  readonly severity?: Severity;
}

/** A business KPI watched by a success-ratio alert (guide 10.2, 10.3: business-level SLA breaches). */
export class BusinessKpi {
  /** Share of created orders that complete: `OrderSuccessRateDrop`. */
  public static orderSuccessRate(options: KpiRatioOptions): BusinessKpi {
    return new BusinessKpi('OrderSuccessRateDrop', 'Order success rate', options);
  }

  /** Share of started payments that succeed: `PaymentConversionDrop`. */
  public static paymentConversion(options: KpiRatioOptions): BusinessKpi {
    return new BusinessKpi('PaymentConversionDrop', 'Payment conversion', options);
  }

  /**
   * Any success-ratio KPI; add `docs/runbooks/<alert>.md` for it.
   * @param alert alert name in PascalCase, e.g. `CheckoutCompletionDrop`
   * @param title what the ratio is, e.g. `Checkout completion`
   */
  public static successRatio(alert: string, title: string, options: KpiRatioOptions): BusinessKpi {
    return new BusinessKpi(alert, title, options);
  }

  private constructor(
    /** Alert name. */
    public readonly alert: string,
    /** What the ratio is, for the alert texts. */
    public readonly title: string,
    /** Metrics and thresholds. */
    public readonly options: KpiRatioOptions,
  ) {}

  /** The alert over the KPI's counters in `namespace`; `prop` and `where` name it in errors. */
  public toAlert(where: string, prop: string, namespace: string): AlertRule {
    const o = this.options;
    const floor = assertBetween(where, `${prop}.minimumRatio`, o.minimumRatio, 0, 1, '0.97');
    const minimumRate = assertPositive(
      where,
      `${prop}.minimumAttemptsPerSecond`,
      o.minimumAttemptsPerSecond ?? 0.1,
      '0.1',
    );
    const window = assertDuration(where, `${prop}.window`, o.window ?? '10m');
    const attempted = selector(o.attempted, { namespace });
    const ratio = `(${ratioOfRates(selector(o.succeeded, { namespace }), attempted, window, ['namespace'])})`;
    return {
      alert: this.alert,
      expr: `${ratio} < ${floor}\n` + `and\n${sumRate(attempted, window, ['namespace'])} > ${minimumRate}`,
      for: o.for ?? '10m',
      severity: o.severity ?? Severity.CRITICAL,
      summary: `${this.title} dropped`,
      description:
        `${this.title} in namespace {{ $labels.namespace }} (${o.succeeded} / ${o.attempted} over ${window}) ` +
        `is below ${percent(floor)}; customers are failing to buy and revenue is being lost.`,
      panel: {
        title: `${this.title} (${window})`,
        description:
          `${o.succeeded} / ${o.attempted}; the alert fires below ${percent(floor)} while there are more than ` +
          `${minimumRate} attempts per second.`,
        queries: [{ expr: ratio, legend: '{{ namespace }}' }],
        unit: PanelUnit.RATIO,
        thresholds: [floor],
        firesBelow: true,
      },
    };
  }
}

/** Properties of {@link BusinessAlerts}. */
export interface BusinessAlertsProps extends AlertRulesOptions {
  /** The KPIs to watch. */
  readonly kpis: BusinessKpi[];
}

/**
 * The business layer (guide 10.2): KPI alerts over counters the services export. One PrometheusRule
 * `business-alerts` in the chart's namespace; the KPI counters are read from that namespace.
 */
export class BusinessAlerts extends AlertRules {
  public constructor(scope: Construct, id: string, props: BusinessAlertsProps) {
    const where = childPath(scope, id);
    const namespace = namespaceOf(where, scope, props.namespace);
    super(scope, id, {
      ...props,
      name: props.name ?? 'business-alerts',
      namespace,
      groups: [
        {
          name: 'business.kpis',
          title: 'Business KPIs',
          layer: AlertLayer.BUSINESS,
          alerts: props.kpis.map((kpi, i) => kpi.toAlert(where, `kpis[${i}]`, namespace)),
        },
      ],
    });
  }
}
