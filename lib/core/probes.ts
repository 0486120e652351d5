import { Duration } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { INT32_MAX } from './counts';
import { wholeSeconds } from './durations';
import { fail, show } from './errors';

/** Timing of a probe; each field maps to the Kubernetes probe field of the same stem. */
export interface ProbeTiming {
  /**
   * Time between checks (`periodSeconds`), whole seconds.
   * @default Duration.seconds(10)
   */
  readonly period?: Duration;
  /**
   * Consecutive failures before the probe counts as failed.
   * @default 3
   */
  readonly failureThreshold?: number;
  /**
   * Time to wait before the first check (`initialDelaySeconds`), whole seconds.
   * @default - none: the first check runs at once
   */
  readonly initialDelay?: Duration;
  /**
   * Time a single check may take (`timeoutSeconds`), whole seconds.
   * @default Duration.seconds(1)
   */
  readonly timeout?: Duration;
}

/** What runs in the container, which decides how long liveness waits before it restarts the container. */
export enum ProcessRuntime {
  /** A process without long stop-the-world pauses (Go, Rust, Node.js, Python). */
  NATIVE = 'native',
  /**
   * A JVM: a full garbage collection stops every thread, the health endpoint included, for seconds. Its
   * liveness checks may take 5 s each and fail 6 times in a row (a minute at the default period) before a
   * restart, which would only lose the heap and start the pause over on another pod.
   */
  JVM = 'jvm',
}

/** Liveness timing a JVM needs to survive a full garbage collection: {@link ProcessRuntime.JVM}. */
export const JVM_LIVENESS_TIMING: Readonly<Required<Pick<ProbeTiming, 'timeout' | 'failureThreshold'>>> = {
  timeout: Duration.seconds(5),
  failureThreshold: 6,
};

/** Options of an HTTP probe. */
export interface HttpProbeOptions extends ProbeTiming {
  /**
   * Container port to call.
   * @default - the workload's container port
   */
  readonly port?: number;
}

/** Options of a TCP probe. */
export interface TcpProbeOptions extends ProbeTiming {
  /**
   * Container port to connect to.
   * @default - the workload's container port
   */
  readonly port?: number;
}

/** A health check of a container: `Probe.http('/health/ready')`, `Probe.tcp()` or `Probe.command([...])`. */
export class Probe {
  /** An HTTP GET on `path`; 2xx and 3xx mean healthy. */
  public static http(path: string, options: HttpProbeOptions = {}): Probe {
    return new Probe('http', path, options.port, undefined, options);
  }

  /** A TCP connection to the port. */
  public static tcp(options: TcpProbeOptions = {}): Probe {
    return new Probe('tcp', undefined, options.port, undefined, options);
  }

  /** A command run inside the container; exit code 0 means healthy. */
  public static command(command: string[], options: ProbeTiming = {}): Probe {
    return new Probe('exec', undefined, undefined, command, options);
  }

  private constructor(
    /** The mechanism: `http`, `tcp` or `exec`. */
    public readonly mechanism: 'http' | 'tcp' | 'exec',
    /** The HTTP path, for HTTP probes. */
    public readonly path: string | undefined,
    /** The explicit port, if any. */
    public readonly port: number | undefined,
    /** The command, for exec probes. */
    public readonly command: string[] | undefined,
    /** The timing. */
    public readonly timing: ProbeTiming,
  ) {}

  /** The same check with other timing (a startup probe derived from liveness). */
  public withTiming(timing: ProbeTiming): Probe {
    return new Probe(this.mechanism, this.path, this.port, this.command, timing);
  }

  /** The same check, with `defaults` filling in each timing field left unset. */
  public withTimingDefaults(defaults: ProbeTiming): Probe {
    const timing: ProbeTiming = {
      period: this.timing.period ?? defaults.period,
      failureThreshold: this.timing.failureThreshold ?? defaults.failureThreshold,
      initialDelay: this.timing.initialDelay ?? defaults.initialDelay,
      timeout: this.timing.timeout ?? defaults.timeout,
    };
    return new Probe(this.mechanism, this.path, this.port, this.command, timing);
  }

  /** The port this probe targets once `defaultPort` fills in an unspecified one; undefined for exec probes. */
  public targetPort(defaultPort: number): number | undefined {
    return this.mechanism === 'exec' ? undefined : (this.port ?? defaultPort);
  }

  /**
   * The Kubernetes form of this probe. Its timing is checked here: `scope` and `prop` name the probe in
   * an error (`probes.readiness`).
   */
  public toKube(defaultPort: number, scope: IConstruct | string = 'Probe', prop = 'probe'): k8s.Probe {
    const port = k8s.IntOrString.fromNumber(this.targetPort(defaultPort) ?? defaultPort);
    const failureThreshold = this.timing.failureThreshold ?? 3;
    if (!Number.isInteger(failureThreshold) || failureThreshold < 1 || failureThreshold > INT32_MAX) {
      fail(scope, `${prop}.failureThreshold ${show(failureThreshold)} must be a positive integer; use e.g. 3`);
    }
    if (this.mechanism === 'http' && !(this.path ?? '').startsWith('/')) {
      fail(scope, `${prop} checks HTTP path ${show(this.path)}, which is no absolute path; use e.g. "/health/ready"`);
    }
    if (this.mechanism === 'exec' && (this.command ?? []).length === 0) {
      fail(scope, `${prop} runs an empty command; give the program and its arguments, e.g. ['pidof', 'java']`);
    }
    return {
      httpGet: this.mechanism === 'http' ? { path: this.path, port, scheme: 'HTTP' } : undefined,
      tcpSocket: this.mechanism === 'tcp' ? { port } : undefined,
      exec: this.mechanism === 'exec' ? { command: this.command } : undefined,
      periodSeconds: wholeSeconds(scope, `${prop}.period`, this.timing.period ?? Duration.seconds(10), 1),
      failureThreshold,
      initialDelaySeconds:
        this.timing.initialDelay && wholeSeconds(scope, `${prop}.initialDelay`, this.timing.initialDelay),
      timeoutSeconds: wholeSeconds(scope, `${prop}.timeout`, this.timing.timeout ?? Duration.seconds(1), 1),
    };
  }

  /** A stable description used to compare probes (readiness must differ from liveness). */
  public fingerprint(defaultPort: number): string {
    return JSON.stringify([this.mechanism, this.path, this.targetPort(defaultPort), this.command]);
  }
}
